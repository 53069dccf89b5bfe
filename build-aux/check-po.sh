#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that every language in po/LINGUAS is complete against a fresh template: builds the
# template with xgettext from po/POTFILES.in (the same arguments as meson's `annex-pot` target,
# i18n preset 'glib'), merges each po/LL.po into a temporary copy, and fails (exit 1) when a
# message is untranslated or fuzzy, or when `msgfmt --check` finds an error. The po files in the
# tree are never modified. Exit 77 (skipped) when the gettext tools are missing.
#
# Usage: build-aux/check-po.sh [SOURCE_ROOT]
#
# xgettext picks the extractor per file: C for .c/.h, Desktop for .desktop.in(.in), and ITS rules
# for GtkBuilder .ui (gtk4builder.its, from libgtk-4-dev), AppStream metainfo, GSettings schemas
# and shared-mime-info files. Without gtk4builder.its, .ui files go through `-L Glade` instead.

set -euo pipefail

srcroot=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$srcroot"

for tool in xgettext msgmerge msgfmt; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "check-po: $tool not found, skipping" >&2
    exit 77
  fi
done

export LC_ALL=C.UTF-8

# shellcheck disable=SC2054  # the commas belong to the keyword specs
XGETTEXT_ARGS=(
  --package-name=annex
  --from-code=UTF-8
  --add-comments
  --keyword=_
  --keyword=N_
  --keyword=C_:1c,2
  --keyword=NC_:1c,2
  --keyword=g_dcgettext:2
  --keyword=g_dngettext:2,3
  --keyword=g_dpgettext2:2c,3
  --flag=N_:1:pass-c-format
  --flag=C_:2:pass-c-format
  --flag=NC_:2:pass-c-format
  --flag=g_dngettext:2:pass-c-format
  --flag=g_strdup_printf:1:c-format
  --flag=g_string_printf:2:c-format
  --flag=g_string_append_printf:2:c-format
  --flag=g_error_new:3:c-format
  --flag=g_set_error:4:c-format
  --flag=g_markup_printf_escaped:1:c-format
)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/annex-check-po.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# The file list without comments, blank lines or "[type: …]" prefixes.
sed -e 's/#.*//' -e 's/^\[[^]]*\][[:space:]]*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' \
  po/POTFILES.in | grep -v '^$' >"$tmp/all" || true

have_gtk4builder_its=0
IFS=: read -r -a datadirs <<<"${GETTEXTDATADIRS:-}:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
for d in "${datadirs[@]}"; do
  if [[ -n $d && -f $d/gettext/its/gtk4builder.loc ]]; then
    have_gtk4builder_its=1
    break
  fi
done

if (( have_gtk4builder_its )); then
  cp "$tmp/all" "$tmp/auto"
  : >"$tmp/glade"
else
  grep -v '\.ui$' "$tmp/all" >"$tmp/auto" || true
  grep '\.ui$' "$tmp/all" >"$tmp/glade" || true
fi

pot=$tmp/annex.pot
if [[ -s $tmp/auto ]]; then
  xgettext "${XGETTEXT_ARGS[@]}" -f "$tmp/auto" -o "$pot"
fi
if [[ -s $tmp/glade ]]; then
  join=()
  [[ -f $pot ]] && join=(--join-existing)
  xgettext "${XGETTEXT_ARGS[@]}" "${join[@]}" -L Glade -f "$tmp/glade" -o "$pot"
fi
if [[ ! -f $pot ]]; then
  echo "check-po: no translatable strings found (empty po/POTFILES.in?)" >&2
  exit 1
fi

status=0
languages=$(sed -e 's/#.*//' po/LINGUAS | tr -s '[:space:]' '\n' | grep -v '^$' || true)
if [[ -z $languages ]]; then
  echo "check-po: po/LINGUAS lists no language" >&2
  exit 1
fi

for lang in $languages; do
  po=po/$lang.po
  if [[ ! -f $po ]]; then
    echo "check-po: $po is listed in po/LINGUAS but does not exist" >&2
    status=1
    continue
  fi
  if ! msgfmt --check -o /dev/null "$po"; then
    echo "check-po: $po: msgfmt --check failed" >&2
    status=1
    continue
  fi
  merged=$tmp/$lang.po
  msgmerge --quiet --previous -o "$merged" "$po" "$pot"
  stats=$(msgfmt --check --statistics -o /dev/null "$merged" 2>&1) || {
    echo "$stats" >&2
    echo "check-po: $po: msgfmt --check failed after merging the fresh template" >&2
    status=1
    continue
  }
  echo "$lang: $stats"
  fuzzy=$(sed -n 's/.* \([0-9][0-9]*\) fuzzy translation.*/\1/p' <<<"$stats")
  untranslated=$(sed -n 's/.* \([0-9][0-9]*\) untranslated message.*/\1/p' <<<"$stats")
  if (( ${fuzzy:-0} > 0 || ${untranslated:-0} > 0 )); then
    echo "check-po: $po: ${untranslated:-0} untranslated, ${fuzzy:-0} fuzzy against the sources:" >&2
    # Show which ones, so the fix is obvious.
    for which in --only-fuzzy --untranslated; do
      msgattrib "$which" --no-obsolete --no-wrap "$merged" 2>/dev/null |
        sed '1,/^$/d' | grep -E '^(#:|#\| msgid|msgid|msgctxt)' | sed 's/^/  /' >&2 || true
    done
    status=1
  fi
done

exit $status
