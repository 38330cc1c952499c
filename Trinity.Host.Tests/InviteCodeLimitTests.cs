using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;
using Trinity.Host.Auth;
using Trinity.Host.Limits;
using Xunit.Abstractions;

namespace Trinity.Host.Tests;

/// <summary>Guessing invite codes: bounded per client address and per user, by REST and hub alike, and cheap for the server.</summary>
[Collection(IsolatedCollection.Name)]
public sealed class InviteCodeLimitTests(ITestOutputHelper output)
{
    private const string Joined = "joined";

    [Fact]
    public async Task A_guesser_with_the_default_limits_gets_a_dozen_guesses_a_minute_and_leaves_no_actors()
    {
        await using var node = await HostProcess.StartAsOperatorAsync(TrinityServer.NewDataDir(), output);
        var answers = new ConcurrentDictionary<string, int>();
        var liveCodes = new List<int>();
        var clock = Stopwatch.StartNew();
        var minute = TimeSpan.FromMinutes(1);

        // One address, four workers, each a guest guessing by REST and by hub in turn; a worker refused as a
        // user takes a new identity, as the guesser of issue 19 did. The short delay is the guesser's pace.
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var guesser = await Guesser.SignInAsync(node.Http, node.BaseUri);
            try
            {
                for (var i = 0; clock.Elapsed < minute; i++)
                {
                    var (code, message) = await guesser.GuessAsync(Identifiers.NewInviteCode(), byHub: i % 2 == 1);
                    answers.AddOrUpdate(code, 1, (_, n) => n + 1);
                    if (message.Contains("from this user")) guesser = await guesser.NextIdentityAsync() ?? guesser;
                    await Task.Delay(10);
                }
            }
            finally
            {
                await guesser.DisposeAsync();
            }
        })).ToList();
        var sampler = Task.Run(async () =>
        {
            while (clock.Elapsed < minute)
            {
                liveCodes.Add(await node.Http.EntitiesAsync("invite-code"));
                await Task.Delay(2000);
            }
        });
        await Task.WhenAll([.. workers, sampler]);

        var guesses = answers.GetValueOrDefault(ErrorCodes.RoomNotFound);
        output.WriteLine($"one address, one minute, default limits: {guesses} guesses answered ROOM_NOT_FOUND, " +
            $"{answers.GetValueOrDefault(ErrorCodes.RateLimited)} refused RATE_LIMITED ({string.Join(", ", answers.Select(a => $"{a.Key} {a.Value}"))}); " +
            $"live invite-code actors sampled every 2 s: max {liveCodes.Max()}, last {liveCodes[^1]}");
        // The defaults allow 10 free failures, then lock out for 30 s, 60 s, ...: about 12 in the first minute
        // (a few more when workers' guesses are in flight together, which lengthens the lockout).
        Assert.InRange(guesses, 10, 16);
        Assert.Equal(answers.Keys.Order(), new[] { ErrorCodes.RateLimited, ErrorCodes.RoomNotFound });
        // At most one lookup in flight per worker, plus any still stopping: bounded, not growing with the guesses.
        Assert.True(liveCodes.Max() <= 10, $"up to {liveCodes.Max()} invite-code actors were alive");
    }

    [Fact]
    public async Task Unknown_codes_cost_no_lasting_actor_even_with_the_limits_lifted()
    {
        await using var server = await TrinityServer.StartAsync();
        var guesser = await Guesser.SignInAsync(server.Http, server.BaseUri);
        var peak = 0;
        var codes = Enumerable.Range(0, 1000).Select(_ => Identifiers.NewInviteCode()).ToArray();
        var took = Stopwatch.StartNew();
        foreach (var batch in codes.Chunk(20))
        {
            var answers = await Task.WhenAll(batch.Select(c => guesser.GuessAsync(c, byHub: false)));
            Assert.All(answers, a => Assert.Equal(ErrorCodes.RoomNotFound, a.Code));
            peak = Math.Max(peak, await server.Http.EntitiesAsync("invite-code"));
        }
        took.Stop();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (await server.Http.EntitiesAsync("invite-code") > 0 && DateTime.UtcNow < deadline) await Task.Delay(100);

        var left = await server.Http.EntitiesAsync("invite-code");
        output.WriteLine($"1,000 unknown codes looked up 20 at a time ({codes.Length / took.Elapsed.TotalSeconds:F0}/s): " +
            $"at most {peak} invite-code actors alive between batches, {left} after");
        Assert.True(peak <= 20, $"{peak} invite-code actors were alive after a batch");
        Assert.Equal(0, left);
        await guesser.DisposeAsync();
    }

    [Fact]
    public async Task Joining_by_code_is_limited_per_user_and_per_address_across_REST_and_hub()
    {
        await using var server = await TrinityServer.StartLimitedAsync();
        var limits = new InviteCodeLimits();
        await using var ana = await Guesser.SignInAsync(server.Http, server.BaseUri);
        await using var ben = await Guesser.SignInAsync(server.Http, server.BaseUri);
        await using var cay = await Guesser.SignInAsync(server.Http, server.BaseUri);
        var realCode = (await cay.Hub.InvokeAsync<RoomSnapshot>("CreateRoom", new { name = "Real" })).InviteCode;

        // Ana spends her user's bucket half by REST, half by hub; then both doors refuse her.
        for (var i = 0; i < limits.User.Burst; i++)
            Assert.Equal(ErrorCodes.RoomNotFound, (await ana.GuessAsync(Identifiers.NewInviteCode(), byHub: i % 2 == 1)).Code);
        foreach (var byHub in new[] { false, true })
        {
            var refused = await ana.GuessAsync(Identifiers.NewInviteCode(), byHub);
            Assert.Equal((ErrorCodes.RateLimited, true), (refused.Code, refused.Message.Contains("from this user")));
        }

        // Ben and Cay, from the same address, make the rest of the free failures and one more: the address is locked out.
        for (var i = limits.User.Burst; i <= limits.FreeFailures; i++)
            Assert.Equal(ErrorCodes.RoomNotFound, (await (i < 2 * limits.User.Burst ? ben : cay).GuessAsync(Identifiers.NewInviteCode(), byHub: i % 2 == 1)).Code);
        foreach (var byHub in new[] { false, true })
        {
            var locked = await cay.GuessAsync(realCode, byHub);
            output.WriteLine($"{(byHub ? "hub" : "REST")}: {locked.Code}: {locked.Message}");
            Assert.Equal((ErrorCodes.RateLimited, true), (locked.Code, locked.Message.Contains("wrong invite codes from this address")));
        }
    }

    [Fact]
    public void A_relentless_guesser_is_held_to_a_few_dozen_guesses_an_hour()
    {
        var limits = new InviteCodeLimits();
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        var failures = new FailedGuesses(limits, clock);
        var perHour = new int[24];
        // Guesses the moment the lockout ends (the buckets would only slow it further).
        while (clock.GetUtcNow() < DateTimeOffset.UnixEpoch.AddHours(24))
        {
            if (failures.LockedFor("192.0.2.1") is { } wait) clock.Advance(wait);
            perHour[(int)(clock.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalHours % 24]++;
            failures.Failed("192.0.2.1");
        }
        output.WriteLine($"failed guesses per hour, first day: {string.Join(" ", perHour)}");
        Assert.All(perHour, n => Assert.InRange(n, 1, 600));
        Assert.True(perHour.Sum() <= 24 * 30, $"{perHour.Sum()} guesses in a day");
    }

    [Fact]
    public async Task A_finished_rooms_code_stops_working_after_the_grace_period()
    {
        await using var server = await TrinityServer.StartAsync(null, "--Trinity:Rooms:InviteCodeGrace=00:00:08");
        await using var ana = await Guesser.SignInAsync(server.Http, server.BaseUri);
        await using var ben = await Guesser.SignInAsync(server.Http, server.BaseUri);
        await using var cay = await Guesser.SignInAsync(server.Http, server.BaseUri);
        var room = await ana.Hub.InvokeAsync<RoomSnapshot>("CreateRoom", new { name = "Done" });
        Assert.Equal(Joined, (await ben.GuessAsync(room.InviteCode, byHub: true)).Code);
        await ana.Hub.InvokeAsync<RoomSnapshot>("CloseRoom", new { roomId = room.RoomId });

        // In the grace period a member still finds the finished room by its code; others learn it is closed.
        Assert.Equal(Joined, (await ben.GuessAsync(room.InviteCode, byHub: false)).Code);
        Assert.Equal(ErrorCodes.RoomClosed, (await cay.GuessAsync(room.InviteCode, byHub: true)).Code);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await ben.GuessAsync(room.InviteCode, byHub: true)).Code == Joined && DateTime.UtcNow < deadline)
            await Task.Delay(200);

        Assert.Equal(ErrorCodes.RoomNotFound, (await ben.GuessAsync(room.InviteCode, byHub: true)).Code);
        Assert.Equal(ErrorCodes.RoomNotFound, (await ben.GuessAsync(room.InviteCode, byHub: false)).Code);
        Assert.Equal(ErrorCodes.RoomNotFound, (await cay.GuessAsync(room.InviteCode, byHub: false)).Code);
        // Members keep the room by its id.
        Assert.Equal(RoomStatus.Finished, (await ben.Hub.InvokeAsync<RoomSnapshot>("JoinRoom", new { roomId = room.RoomId })).Status);
    }

    [Theory]
    [InlineData("Trinity:RateLimits:InviteCodes:Lockout", "-00:00:01")]
    [InlineData("Trinity:RateLimits:Connections:PerUser", "0")]
    [InlineData("Trinity:RateLimits:Guests:PerHour", "0")]
    [InlineData("Trinity:RateLimits:Votes:User:PerSecond", "0")]
    [InlineData("Trinity:Rooms:InviteCodeGrace", "-1.00:00:00")]
    public void A_meaningless_limit_stops_the_node_at_start_naming_its_key(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            TrinityApp.Build([.. TrinityServer.Arguments(TrinityServer.NewDataDir()), $"--{key}={value}"]));
        Assert.StartsWith(key + " ", error.Message);
    }

    /// <summary>A guest who tries invite codes by REST and by hub; answers are an error code and its message.</summary>
    private sealed class Guesser(HttpClient http, Uri baseUri, TrinityClient client) : IAsyncDisposable
    {
        public HubConnection Hub => client.Hub;

        public static async Task<Guesser> SignInAsync(HttpClient http, Uri baseUri) =>
            new(http, baseUri, await TrinityClient.ConnectAsync(baseUri,
                await SignInAsync(http) ?? throw new InvalidOperationException("guest sign-in refused")));

        /// <summary>Another identity from the same address, or null when sign-ins are refused.</summary>
        public async Task<Guesser?> NextIdentityAsync()
        {
            if (await SignInAsync(http) is not { } next) return null;
            await DisposeAsync();
            return new Guesser(http, baseUri, await TrinityClient.ConnectAsync(baseUri, next));
        }

        public async Task<(string Code, string Message)> GuessAsync(string code, bool byHub)
        {
            if (byHub)
            {
                try
                {
                    await client.Invoke<RoomSnapshot>("JoinRoom", new { inviteCode = code });
                    return (Joined, "");
                }
                catch (HubException e)
                {
                    var parts = e.Message.Split(": ", 2);
                    return (parts[0], parts[1]);
                }
            }
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/rooms/join") { Content = JsonContent.Create(new { inviteCode = code }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Identity.Token);
            var response = await http.SendAsync(request);
            if (response.IsSuccessStatusCode) return (Joined, "");
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var answer = (Code: body.GetProperty("code").GetString()!, Message: body.GetProperty("message").GetString()!);
            Assert.Equal((HttpStatusCode)Web.ApiErrors.StatusFor(answer.Code), response.StatusCode);
            return answer;
        }

        private static async Task<GuestIdentity?> SignInAsync(HttpClient http)
        {
            var response = await http.PostAsJsonAsync("/api/auth/guest", new { displayName = "Guesser" });
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<GuestIdentity>() : null;
        }

        public ValueTask DisposeAsync() => client.DisposeAsync();
    }
}
