# bash completion for busywork(1)                              -*- shell-script -*-
# SPDX-License-Identifier: MIT
# Installed as share/bash-completion/completions/busywork, where bash-completion loads it on
# first use; or source it from ~/.bashrc. Needs nothing but bash: no bash-completion helpers.
# Every long option of `busywork COMMAND --help` must be listed here (CTest completion_bash).

# IANA zone names, once per shell: the canonical zones ('Z' lines) and the links ('L' lines,
# like Europe/Kiev or UTC) of the tz database's text form, else the file tree.
_busywork_zones() {
    if [[ -z ${_busywork_zone_cache-} ]]; then
        local zoneinfo=${BUSYWORK_ZONEINFO:-/usr/share/zoneinfo}
        if [[ -r $zoneinfo/tzdata.zi ]]; then
            _busywork_zone_cache=$(awk '$1 == "Z" { print $2 } $1 == "L" { print $3 }' \
                "$zoneinfo/tzdata.zi")
        elif [[ -d $zoneinfo ]]; then
            _busywork_zone_cache=$(cd "$zoneinfo" && find . -type f -name '[A-Z]*' \
                ! -path './posix/*' ! -path './right/*' ! -name '*.*' | sed 's|^\./||')
        fi
    fi
    printf '%s\n' "$_busywork_zone_cache"
}

_busywork() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev="" i
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()
    # --format=csv: bash splits at '=' (COMP_WORDBREAKS), so the word is "=" or after one.
    if [[ $cur == "=" ]]; then
        cur=""
    elif [[ $prev == "=" ]] && ((COMP_CWORD > 1)); then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    fi

    local commands="report events rules check config"
    local command=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        report | events | rules | check | config)
            command=${COMP_WORDS[i]}
            break
            ;;
        esac
    done

    # The value of the option before the cursor.
    case $prev in
    --tz)
        mapfile -t COMPREPLY < <(compgen -W "$(_busywork_zones)" -- "$cur")
        return
        ;;
    --format)
        if [[ $command == events ]]; then
            mapfile -t COMPREPLY < <(compgen -W "text csv json" -- "$cur")
        else
            mapfile -t COMPREPLY < <(compgen -W "text csv json markdown html" -- "$cur")
        fi
        return
        ;;
    --color)
        mapfile -t COMPREPLY < <(compgen -W "auto always never" -- "$cur")
        return
        ;;
    --category)
        mapfile -t COMPREPLY < <(compgen -W "customer pre-meeting post-meeting internal-sync
            internal-other solo excluded" -- "$cur")
        return
        ;;
    --week)
        mapfile -t COMPREPLY < <(compgen -W "last this -1 -2 -3 -4" -- "$cur")
        return
        ;;
    --rules | --check | --config)
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -X '!*.[tT][oO][mM][lL]' -- "$cur"; compgen -d -- "$cur")
        return
        ;;
    -o | --output)
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        return
        ;;
    --from | --to | --now | --weeks | --workweek | --fail-over | --me | --internal-domain | \
        --match | --uid)
        return # a value of the user's own
        ;;
    esac

    local config_options="--config --no-config"
    local common="--tz --strict --no-strict --quiet --no-quiet --help $config_options"
    local rules_options="--rules --me --internal-domain"
    local privacy="--redact --no-redact"
    local options
    case $command in
    "")
        mapfile -t COMPREPLY < <(compgen -W "$commands --help --version" -- "$cur")
        return
        ;;
    report)
        options="$common $rules_options --week --weeks --from --to --now --format --output
            --color --per-calendar --no-per-calendar --workweek --fail-over $privacy"
        ;;
    events)
        options="$common $rules_options --from --to --now --format --output --category
            --explain --match --uid $privacy"
        ;;
    rules) options="--default --rules --check --help $config_options" ;;
    check) options="$common" ;;
    config) options="--tz $rules_options --help $config_options" ;;
    esac

    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
    elif [[ $command == report || $command == events || $command == check ]]; then
        # Inputs: calendars and directories (searched for *.ics).
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -X '!*.[iI][cC][sS]' -- "$cur"; compgen -d -- "$cur")
    fi
}

complete -F _busywork busywork
