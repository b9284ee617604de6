#!/bin/sh
# SPDX-License-Identifier: MIT
# `cpack -G DEB` makes busywork_<version>_<arch>.deb; dpkg-deb shows its control fields, whose
# Depends has the shared libraries dpkg-shlibdeps found and the data packages, and its files.
#   check_deb.sh CPACK BUILD_DIR WORK_DIR VERSION
set -u
cpack=$1
build=$2
work=$3
version=$4
. "$(dirname "$0")/cli_help.sh"
for tool in dpkg-deb dpkg-shlibdeps dpkg; do
    command -v "$tool" >/dev/null || skip_or_fail "$tool missing (Debian: dpkg-dev)"
done
failed=0
fail() {
    echo "FAIL $*"
    failed=1
}

rm -rf "$work"
log=$("$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work" 2>&1) ||
    { printf '%s\n' "$log"; echo "FAIL cpack -G DEB"; exit 1; }
arch=$(dpkg --print-architecture)
deb="$work/busywork_${version}_${arch}.deb"
[ -f "$deb" ] || { printf '%s\n' "$log"; ls -l "$work"; echo "FAIL no $deb"; exit 1; }

echo "== dpkg-deb -I $(basename "$deb")"
dpkg-deb -I "$deb"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = busywork ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version)"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture: $(field Architecture)"
[ "$(field Section)" = utils ] || fail "Section: $(field Section)"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Description)" ] || fail "no Description"
depends=$(field Depends)
for package in libc6 'libstdc++6' libical3 'libicu[0-9][0-9]*' libpsl5 libdate-tz3 publicsuffix tzdata; do
    printf '%s\n' "$depends" | tr ',' '\n' | sed 's/^ *//' | grep -q "^$package\( \|$\)" ||
        fail "Depends lacks $package: $depends"
done

echo "== dpkg-deb -c $(basename "$deb")"
contents=$(dpkg-deb -c "$deb")
printf '%s\n' "$contents"
for path in ./usr/bin/busywork ./usr/share/man/man1/busywork.1.gz \
    ./usr/share/bash-completion/completions/busywork ./usr/share/zsh/vendor-completions/_busywork \
    ./usr/share/doc/busywork/copyright ./usr/share/doc/busywork/README.md; do
    printf '%s\n' "$contents" | awk '{ print $6 }' | grep -qxF "$path" || fail "the package lacks $path"
done
printf '%s\n' "$contents" | grep -q '^-rwxr-xr-x root/root .* \./usr/bin/busywork$' ||
    fail "./usr/bin/busywork is not -rwxr-xr-x root/root"
printf '%s\n' "$contents" | awk '{ print $6 }' | grep -v '^\./usr/' | grep -qvx '\./' &&
    fail "files outside /usr"

# The packaged binary runs (from the extracted package; apt-get installs it in .ci/run).
extracted="$work/extracted"
dpkg-deb -x "$deb" "$extracted"
out=$("$extracted/usr/bin/busywork" --version) || fail "packaged busywork --version exited $?"
printf '%s\n' "$out" | head -n 1 | grep -qx "busywork $version" || fail "packaged --version: $out"

[ "$failed" -eq 0 ] && echo "deb_package: ok ($(basename "$deb"), $(wc -c <"$deb") bytes)"
exit "$failed"
