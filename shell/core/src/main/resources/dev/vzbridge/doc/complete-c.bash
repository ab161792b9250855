# vzbridge runs shell commands given as ONE quoted argument: vzbridge -c 'bridge list'.
# Completes inside that argument with the generated functions above, by presenting
# its words to them as if they were the command line.
function _vzbridge_complete() {
  local cur=${COMP_WORDS[COMP_CWORD]}
  local prev=${COMP_WORDS[COMP_CWORD-1]:-}
  if [[ ${prev} == -c ]]; then
    local quote=""
    if [[ ${cur} == \'* || ${cur} == \"* ]]; then quote=${cur:0:1}; fi
    local line=${cur#"${quote}"}
    local -a words=()
    read -r -a words <<<"${line}"
    if [[ -z ${line} || ${line} == *' ' ]]; then words+=(""); fi
    local last=${words[${#words[@]}-1]}
    local before=${line%"${last}"}
    local COMP_WORDS=(vzbridge "${words[@]}")
    local COMP_CWORD=${#words[@]}
    local COMP_LINE="vzbridge ${line}"
    local COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _complete_vzbridge
    local i
    for i in "${!COMPREPLY[@]}"; do
      COMPREPLY[i]="${quote}${before}${COMPREPLY[i]}"
    done
    type compopt &>/dev/null && compopt -o nospace
    # Readline closes the quote after a unique match, ending the command line too
    # early. Two candidates that differ only after the word and its space keep it
    # open: their common prefix (the word and one space) is what gets inserted.
    if ((${#COMPREPLY[@]} == 1)); then COMPREPLY=("${COMPREPLY[0]} " "${COMPREPLY[0]}  "); fi
    return 0
  fi
  # Outside -c: the launcher's options, and files for the options that take them.
  _picocli_vzbridge
  if [[ ${cur} != -* && ${prev} != -* ]]; then COMPREPLY=(); fi
  return 0
}
complete -F _vzbridge_complete -o default vzbridge
