#!/usr/bin/zsh -f
# SPDX-License-Identifier: MIT
# Checks completions/_busywork: zsh -n, every long option of the CLI's --help is in it, and
# completion in a real interactive zsh on a pseudo-terminal (zsh/zpty): each line is typed
# with a TAB, and a key bound to a widget prints the edited line back.
#   check_completion_zsh.zsh COMPLETION_FILE BUSYWORK_BINARY
emulate -L zsh
setopt err_return no_unset pipe_fail
completion=$1
binary=$2
integer passed=0 failed=0
check() { # check DESCRIPTION ok|WHAT-WENT-WRONG
  if [[ $2 == ok ]]; then
    (( ++passed )); print -r -- "ok   $1"
  else
    (( ++failed )); print -r -- "FAIL $1: $2"
  fi
}

if zsh -n $completion; then check "zsh -n $completion" ok; else check "zsh -n $completion" "syntax error"; fi

# Every subcommand and long option of --help appears in the completion.
source ${0:A:h}/cli_help.sh
local -a subcommands=( ${(f)"$(busywork_subcommands $binary)"} )
local text=$(<$completion) name missing
for command in '' $subcommands; do
  missing=""
  for name in ${(f)"$(busywork_long_options $binary ${=command})"}; do
    [[ $text == *"$name"* ]] || missing+=" $name"
  done
  [[ -z $command || $text == *"'$command:"* ]] || missing+=" $command"
  if [[ -z $missing ]]; then check "${command:-busywork} options are completed" ok
  else check "${command:-busywork} options are completed" "missing$missing"; fi
done

# Completion in an interactive zsh, with the completion's directory first on $fpath.
zmodload zsh/zpty
local home=$(mktemp -d)
trap "rm -rf ${(q)home}" EXIT
touch $home/anna.ics $home/annex.txt $home/my-rules.toml $home/my-notes.txt
zpty -b z env TERM=xterm HOME=$home zsh -f -i
zpty -w z "PS1='> '; cd ${(q)home}; fpath=(${(q)completion:A:h} \$fpath); autoload -Uz compinit; compinit -u -D;" \
  "show-line() { print -r -- \"<<\$BUFFER>>\"; BUFFER=''; zle accept-line }; zle -N show-line;" \
  "bindkey '^X' show-line; print -r -- READY''"
local out
zpty -r -m z out '*READY*'
# expect LINE RESULT: typing LINE and TAB gives RESULT.
expect() {
  local got
  zpty -w -n z "$1"$'\t\x18'
  if zpty -r -m z got '*<<*>>*'; then
    got=${got##*<<}; got=${got%%>>*}
  else
    got="(no answer)"
  fi
  if [[ $got == "$2" ]]; then check "'$1<TAB>' -> '$2'" ok
  else check "'$1<TAB>' -> '$2'" "got '$got'"; fi
}
expect 'busywork rep' 'busywork report '
expect 'busywork report --for' 'busywork report --format='
expect 'busywork report --format mark' 'busywork report --format markdown '
expect 'busywork events --format mark' 'busywork events --format mark'
expect 'busywork events --format cs' 'busywork events --format csv '
expect 'busywork report --tz Europe/Ber' 'busywork report --tz Europe/Berlin '
expect 'busywork report --color nev' 'busywork report --color never '
expect 'busywork rules --def' 'busywork rules --default '
expect 'busywork events --category pre' 'busywork events --category pre-meeting '
expect 'busywork check an' 'busywork check anna.ics '
expect 'busywork report anna.ics --rules my' 'busywork report anna.ics --rules my-rules.toml '
zpty -d z

print -r -- "completion_zsh: $passed passed, $failed failed"
(( failed == 0 ))
