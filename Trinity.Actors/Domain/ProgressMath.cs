using Trinity.Actors.Protocol;

namespace Trinity.Actors.Domain;

public static class ProgressMath
{
    /// <summary>round(100 × votes / queue length), half away from zero; 0 for an empty queue.</summary>
    public static Progress Of(int votesCast, int queueLength) =>
        new(votesCast, queueLength,
            queueLength == 0 ? 0 : (int)Math.Round(100.0 * votesCast / queueLength, MidpointRounding.AwayFromZero));
}
