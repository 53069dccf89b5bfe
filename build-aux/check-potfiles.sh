#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks po/POTFILES.in against the source tree. Fails (exit 1) when
#   - a file under the scanned directories marks strings for translation (_(), N_(), C_(), NC_(),
#     ngettext (), translatable="yes") but is neither in POTFILES.in nor in POTFILES.skip,
#   - POTFILES.in lists a file that does not exist,
#   - POTFILES.in is not sorted (LC_ALL=C order) or lists a file twice.
#
# Usage: build-aux/check-potfiles.sh [SOURCE_ROOT]
#
# To extend: add directories to SCAN_DIRS, file name patterns to SCAN_NAMES, or markers to
# MARKER_RE. Files that use the markers but must not be translated (say, a test fixture) go into
# po/POTFILES.skip, one path a line.

set -euo pipefail

SCAN_DIRS=(src)
SCAN_NAMES=('*.c' '*.h' '*.ui' '*.xml' '*.in')
# `_ ("…")` as GNU style writes it, and `_("…")`; not identifiers that merely end in an underscore.
# shellcheck disable=SC2089,SC2090  # a regular expression for grep and perl, not a command
MARKER_RE='(^|[^A-Za-z0-9_])(N|C|NC|Q)?_ *\(|(^|[^A-Za-z0-9_])(g_d?n?gettext|g_dpgettext2|ngettext) *\(|translatable="yes"'

# Prints the files (arguments) that use a marker outside comments: a comment such as
# /* N_("Due date") */ in a header documents a convention and marks nothing.
# shellcheck disable=SC2016  # perl code: its variables are perl's
FIND_MARKED='
  my $re = qr/$ENV{MARKER_RE}/m;
  for my $f (@ARGV) {
    open (my $fh, "<", $f) or die "check-potfiles: $f: $!\n";
    local $/;
    my $s = <$fh>;
    if ($f =~ /\.[ch]$/) { $s =~ s{/\*.*?\*/}{ }gs; $s =~ s{//[^\n]*}{}g; }
    else { $s =~ s{<!--.*?-->}{ }gs; }
    print "$f\n" if $s =~ $re;
  }'
# shellcheck disable=SC2090
export MARKER_RE

srcroot=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$srcroot"

potfiles=po/POTFILES.in
skipfile=po/POTFILES.skip
export LC_ALL=C

if [[ ! -f $potfiles ]]; then
  echo "check-potfiles: $srcroot/$potfiles does not exist" >&2
  exit 1
fi

# The entries: no comments, no blank lines, no "[type: …]" prefixes, no surrounding blanks.
read_list () {
  [[ -f $1 ]] || return 0
  sed -e 's/#.*//' -e 's/^\[[^]]*\][[:space:]]*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$1" |
    grep -v '^$' || true
}

status=0
listed=$(read_list "$potfiles")
skipped=$(read_list "$skipfile")

# 1. Sorted, no duplicates.
if [[ $listed != "$(sort -u <<<"$listed")" ]]; then
  echo "check-potfiles: $potfiles is not sorted (LC_ALL=C sort -u) or has duplicates; expected order:" >&2
  sort -u <<<"$listed" | sed 's/^/  /' >&2
  status=1
fi

# 2. Every listed file exists.
missing_files=()
while IFS= read -r f; do
  [[ -n $f && ! -f $f ]] && missing_files+=("$f")
done <<<"$listed"
if (( ${#missing_files[@]} )); then
  echo "check-potfiles: $potfiles lists files that do not exist:" >&2
  printf '  %s\n' "${missing_files[@]}" >&2
  status=1
fi

# 3. Every file with translatable strings is listed (or explicitly skipped).
name_args=()
for n in "${SCAN_NAMES[@]}"; do
  (( ${#name_args[@]} )) && name_args+=(-o)
  name_args+=(-name "$n")
done
dirs=()
for d in "${SCAN_DIRS[@]}"; do
  [[ -d $d ]] && dirs+=("$d")
done

unlisted=()
if (( ${#dirs[@]} )); then
  while IFS= read -r f; do
    f=${f#./}
    if ! grep -qxF -- "$f" <<<"$listed" && ! grep -qxF -- "$f" <<<"$skipped"; then
      unlisted+=("$f")
    fi
  done < <(find "${dirs[@]}" -type f \( "${name_args[@]}" \) -print0 | sort -z |
             xargs -0 -r perl -e "$FIND_MARKED")
fi
if (( ${#unlisted[@]} )); then
  echo "check-potfiles: files with translatable strings missing from $potfiles:" >&2
  printf '  %s\n' "${unlisted[@]}" >&2
  status=1
fi

if (( status == 0 )); then
  echo "check-potfiles: $potfiles is complete ($(grep -c . <<<"$listed") files)"
fi
exit $status
