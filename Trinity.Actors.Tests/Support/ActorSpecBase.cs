using Xunit.Abstractions;

namespace Trinity.Actors.Tests;

/// <summary>TestKit for actors without a journal, with serialize-messages on.</summary>
public abstract class ActorSpecBase(ITestOutputHelper output)
    : Akka.TestKit.Xunit2.TestKit(ActorTestConfig.Setup(ActorTestConfig.SerializeMessages), "actor-spec", output);
