using System.Net;
using System.Net.Sockets;

namespace Trinity.Host.Limits;

/// <summary>
/// The key per-address limits count by. An IPv6 client usually holds a whole /64, so its addresses
/// count as one; IPv4 (also IPv4 mapped into IPv6) counts by the address.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext? http) => Of(http?.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
