using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Trinity.Actors.Protocol;

namespace Trinity.Host.Realtime;

/// <summary>
/// SignalR prefixes every HubException text with "An unexpected error occurred invoking 'X' on the server.
/// HubException:", but the protocol promises an error that starts with its code. This decorator of the
/// JSON and MessagePack protocols writes completion errors as the code and message alone, and gives the
/// framework's own errors (unknown method, arguments that do not bind) a code too.
/// </summary>
public sealed partial class ErrorCodeHubProtocol(IHubProtocol inner) : IHubProtocol
{
    public string Name => inner.Name;
    public int Version => inner.Version;
    public TransferFormat TransferFormat => inner.TransferFormat;

    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message) =>
        inner.TryParseMessage(ref input, binder, out message);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(WithCode(message), output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(WithCode(message));

    public static string CodedError(string error) =>
        CodedHubException().Match(error) is { Success: true } coded ? coded.Groups[1].Value
        : error.StartsWith("Unknown hub method", StringComparison.Ordinal) ? $"{ErrorCodes.ValidationFailed}: method is unknown"
        : error.StartsWith("Failed to invoke", StringComparison.Ordinal) ? $"{ErrorCodes.ValidationFailed}: arguments do not match the method"
        : LeadingCode().IsMatch(error) ? error
        : $"{ErrorCodes.Unavailable}: {error}";

    private static HubMessage WithCode(HubMessage message) => message switch
    {
        CompletionMessage { Error: { } error } completion =>
            new CompletionMessage(completion.InvocationId!, CodedError(error), null, false) { Headers = completion.Headers },
        // A connection refused on connect (ConnectionCaps) is closed with its coded reason.
        CloseMessage { Error: { } error } close when CodedHubException().IsMatch(error) => new CloseMessage(CodedError(error), close.AllowReconnect),
        _ => message,
    };

    [GeneratedRegex(@"HubException: ([A-Z_]+: .*)\z", RegexOptions.Singleline)]
    private static partial Regex CodedHubException();

    [GeneratedRegex(@"\A[A-Z_]+: ")]
    private static partial Regex LeadingCode();

    /// <summary>Wraps every hub protocol registered so far.</summary>
    public static void DecorateAll(IServiceCollection services)
    {
        var registered = services.Where(d => d.ServiceType == typeof(IHubProtocol) && d.ImplementationType is not null).ToArray();
        foreach (var descriptor in registered)
        {
            services.Remove(descriptor);
            var type = descriptor.ImplementationType!;
            services.Add(ServiceDescriptor.Singleton<IHubProtocol>(sp =>
                new ErrorCodeHubProtocol((IHubProtocol)ActivatorUtilities.CreateInstance(sp, type))));
        }
    }
}
