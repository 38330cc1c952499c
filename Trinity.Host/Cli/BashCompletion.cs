namespace Trinity.Host.Cli;

/// <summary>
/// <c>trinity completion bash</c>: completion that asks the binary itself, through System.CommandLine's
/// <c>[suggest:POSITION] "LINE"</c> directive, for the words that fit where the cursor is (verbs, options,
/// broadcast types). It registers for the command <c>trinity</c> (scripts/trinity, or a wrapper of that name on PATH).
/// </summary>
public static class BashCompletion
{
    public const string Script = """
        # bash completion for trinity: source <(trinity completion bash)
        _trinity_complete() {
          local line="${COMP_LINE:0:COMP_POINT}"
          line="${line#"${COMP_WORDS[0]}"}"
          line="${line#"${line%%[![:space:]]*}"}"
          local IFS=$'\n'
          COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" "[suggest:${#line}]" "$line" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -F _trinity_complete trinity

        """;
}
