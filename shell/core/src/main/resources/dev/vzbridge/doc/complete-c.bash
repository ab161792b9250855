# vzbridge's entry point around the generated functions above. It completes
#  - the launcher's options and their values, then the command and its words
#    (the direct form: vzbridge [OPTIONS] COMMAND ARGS...);
#  - the command line given as ONE quoted argument: vzbridge -c 'bridge list';
#  - values only the node knows (interfaces, bridges, containers, transactions),
#    by asking vzbridge itself, which reads the node as its console does.

# The launcher's options that take a value: their values are not command words.
_vzbridge_value_options="@VALUE_OPTIONS@"
# Set on each TAB: the program as typed, and the launcher's options around -c '…'.
_vzbridge_program=vzbridge
_vzbridge_outer_options=()

# Fills the array named $1 with the candidates vzbridge offers for the word being
# completed, given the launcher's options (they choose the node) and the command's words.
function _vzbridge_live() {
  local -a options=("${_vzbridge_outer_options[@]}") words=()
  local i=1 w
  while ((i < COMP_CWORD)); do
    w=${COMP_WORDS[i]}
    if ((${#words[@]} > 0)) || [[ ${w} != -* ]]; then
      words+=("${w}")
    else
      options+=("${w}")
      if [[ ${_vzbridge_value_options} == *" ${w} "* ]]; then
        ((i++))
        options+=("${COMP_WORDS[i]:-}")
      fi
    fi
    ((i++))
  done
  words+=("${COMP_WORDS[COMP_CWORD]}")
  # A lab exists only while its shell runs: there is nothing to read ahead of it.
  [[ " ${options[*]} " == *" --lab "* ]] && return 0
  mapfile -t "$1" < <("${_vzbridge_program}" "${options[@]}" --complete -- "${words[@]}" 2>/dev/null)
}

# Completes inside the quoted command line of -c: its words are presented to the
# generated functions as if they were the command line.
function _vzbridge_complete_inside() {
  local cur=${COMP_WORDS[COMP_CWORD]}
  local quote=""
  if [[ ${cur} == \'* || ${cur} == \"* ]]; then quote=${cur:0:1}; fi
  local line=${cur#"${quote}"}
  local i
  _vzbridge_outer_options=()
  for ((i = 1; i < COMP_CWORD - 1; i++)); do
    if [[ ${COMP_WORDS[i]} == -[cf] ]]; then ((i++)); continue; fi
    _vzbridge_outer_options+=("${COMP_WORDS[i]}")
  done
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
  type compopt &>/dev/null && compopt -o nospace
  local n=${#COMPREPLY[@]}
  ((n == 0)) && return 0
  # Readline replaces all of the quoted text with a candidate, so candidates carry
  # the words before the one being completed.
  local -a full=()
  for i in "${!COMPREPLY[@]}"; do full[i]="${quote}${before}${COMPREPLY[i]}"; done
  if ((n == 1)); then
    # Readline closes the quote after a unique match, ending the command line too
    # early. Two candidates that differ only after the word and its space keep it
    # open: their common prefix (the word and one space) is what gets inserted.
    COMPREPLY=("${full[0]} " "${full[0]}  ")
    return 0
  fi
  local common=${COMPREPLY[0]} c
  for c in "${COMPREPLY[@]}"; do
    while [[ ${c} != "${common}"* ]]; do common=${common%?}; done
  done
  # When readline only lists the candidates, the words alone are listed, without
  # the quoted text before them: a second TAB (COMP_TYPE '?') never inserts, and
  # show-all-if-ambiguous ('!', '@') inserts nothing when their common part adds
  # nothing. Otherwise (a first TAB, menu completion) the full forms let it insert.
  case ${COMP_TYPE:-9} in
    63) return 0 ;;
    33 | 64) [[ ${common} == "${last}" ]] && return 0 ;;
  esac
  COMPREPLY=("${full[@]}")
  return 0
}

function _vzbridge_complete() {
  _vzbridge_program=${COMP_WORDS[0]}
  # shellcheck disable=SC2088 # the tilde as typed, expanded here
  [[ ${_vzbridge_program} == "~/"* ]] && _vzbridge_program=${HOME}/${_vzbridge_program#"~/"}
  if [[ ${COMP_WORDS[COMP_CWORD-1]:-} == -c ]]; then
    _vzbridge_complete_inside
    return 0
  fi
  _vzbridge_outer_options=()
  _complete_vzbridge
  return 0
}
complete -F _vzbridge_complete vzbridge
