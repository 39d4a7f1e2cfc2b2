#!/usr/bin/env bash
# Installs Fan Tracker for one user (or into a prefix): the binary, the menu entry (.desktop
# file), the icons and the AppStream metainfo, in the XDG locations under the prefix
# (default ~/.local). `--uninstall` removes exactly what the install put there, as listed in
# the manifest it wrote (share/io.github.fantracker.FanTracker/install-manifest), and the
# folders it created if they are left empty. Your library (~/.local/share/fan-tracker) is
# neither installed nor removed.
#
#   scripts/install.sh [--prefix DIR] [--binary FILE]
#   scripts/install.sh [--prefix DIR] --uninstall
#
# Without --binary the release binary is built first (cargo build --release --locked).
set -euo pipefail

app_id=io.github.fantracker.FanTracker
prefix="${HOME:?}/.local"
binary=""
uninstall=0
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --binary) binary="${2:?--binary needs a file}"; shift 2 ;;
    --binary=*) binary="${1#--binary=}"; shift ;;
    --uninstall) uninstall=1; shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
case "$prefix" in /*) ;; *) prefix="$PWD/$prefix" ;; esac
case "$binary" in /*|"") ;; *) binary="$PWD/$binary" ;; esac
manifest="$prefix/share/$app_id/install-manifest"

if [ "$uninstall" = 1 ]; then
  if [ ! -f "$manifest" ]; then
    echo "install.sh: nothing to uninstall: no $manifest" >&2
    exit 1
  fi
  # Files first, then the folders the install created (deepest first), if left empty.
  created="$(cut -f2 "$manifest.dirs" 2>/dev/null | sort -r)"
  while IFS=$'\t' read -r kind path; do
    if [ "$kind" = file ]; then rm -f -- "$path"; fi
  done < "$manifest"
  rm -f -- "$manifest" "$manifest.dirs"
  while read -r dir; do
    if [ -n "$dir" ]; then rmdir -- "$dir" 2>/dev/null || true; fi
  done <<< "$created"
  echo "Uninstalled Fan Tracker from $prefix"
  exit 0
fi

cd "$(dirname "$0")/.."
if [ -z "$binary" ]; then
  cargo build --release --locked
  binary="$PWD/target/release/fan-tracker"
fi
[ -x "$binary" ] || { echo "install.sh: no program at $binary" >&2; exit 1; }

# What goes where: source, then destination under the prefix.
files=(
  "$binary" "bin/fan-tracker"
  "packaging/$app_id.desktop" "share/applications/$app_id.desktop"
  "packaging/$app_id.metainfo.xml" "share/metainfo/$app_id.metainfo.xml"
  "assets/icon/fan-tracker.svg" "share/icons/hicolor/scalable/apps/$app_id.svg"
)
for size in 16 24 32 48 64 128 256 512; do
  files+=("assets/icon/fan-tracker-$size.png" "share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done

# Creates folder $1 and its missing parents, recording each one it creates.
mkdir_recorded() {
  local missing=() dir="$1" i
  while [ ! -d "$dir" ]; do missing+=("$dir"); dir="$(dirname "$dir")"; done
  for ((i = ${#missing[@]} - 1; i >= 0; i--)); do
    mkdir -- "${missing[$i]}"
    printf 'dir\t%s\n' "${missing[$i]}" >> "$dirs_list"
  done
}

dirs_list="$(mktemp)"
trap 'rm -f "$dirs_list"' EXIT
mkdir_recorded "$(dirname "$manifest")"
: > "$manifest"
for ((i = 0; i < ${#files[@]}; i += 2)); do
  source="${files[$i]}" target="$prefix/${files[$((i + 1))]}"
  mkdir_recorded "$(dirname "$target")"
  mode=644
  if [ "${files[$((i + 1))]}" = bin/fan-tracker ]; then mode=755; fi
  install -m "$mode" -- "$source" "$target"
  if [ "${files[$((i + 1))]}" = "share/applications/$app_id.desktop" ]; then
    # The menu entry starts this very program, whether or not its folder is on the PATH.
    sed -i "s|^Exec=fan-tracker |Exec=\"$prefix/bin/fan-tracker\" |" "$target"
  fi
  printf 'file\t%s\n' "$target" >> "$manifest"
done
# Folders made by an earlier install stay in the list.
cat "$dirs_list" >> "$manifest.dirs"
sort -u -o "$manifest.dirs" "$manifest.dirs"

echo "Installed Fan Tracker in $prefix:"
cut -f2 "$manifest" | sed 's/^/  /'
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "Note: $prefix/bin is not on your PATH." ;; esac
