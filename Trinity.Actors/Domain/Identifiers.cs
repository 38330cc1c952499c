using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Trinity.Actors.Domain;

/// <summary>Room ids and invite codes: how they are made and what a well-formed one looks like.</summary>
public static partial class Identifiers
{
    private const string InviteAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string RoomIdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    public const int InviteCodeLength = 6;

    public static string NewInviteCode() => RandomNumberGenerator.GetString(InviteAlphabet, InviteCodeLength);

    public static string NewRoomId() => "r" + RandomNumberGenerator.GetString(RoomIdAlphabet, 15);

    /// <summary>Invite codes are typed by people: accept lower case and stray spaces.</summary>
    public static string NormalizeInviteCode(string code) => code.Trim().ToUpperInvariant();

    public static bool IsInviteCode(string code) => InviteCodePattern().IsMatch(code);

    /// <summary>Ids are also entity and persistence ids: keep them short and plain.</summary>
    public static bool IsPlausibleId(string id) => IdPattern().IsMatch(id);

    [GeneratedRegex("^[A-Z0-9]{6}$")]
    private static partial Regex InviteCodePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();
}
