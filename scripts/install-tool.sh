#!/usr/bin/env bash
# Makes `electrochem` a command: packs the library, its readers and the tool into artifacts/packages at a local
# version, then installs (or updates) the tool from there — globally by default (~/.dotnet/tools must be on PATH), or
# into a folder with --tool-path DIR. Run from anywhere; prints the version and the command's location.
#   bash scripts/install-tool.sh                          # pack, then install globally
#   bash scripts/install-tool.sh --tool-path DIR          # pack, then install into DIR (DIR/electrochem)
#   bash scripts/install-tool.sh --version V [...]        # install version V already in artifacts/packages, no packing
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
version=""
target=(--global)
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tool-path) target=(--tool-path "${2:?--tool-path needs a folder}"); shift 2 ;;
    --version) version="${2:?--version needs a version}"; shift 2 ;;
    *) echo "usage: bash scripts/install-tool.sh [--tool-path DIR] [--version V]" >&2; exit 2 ;;
  esac
done

if [[ -z "$version" ]]; then
  version="0.1.0-local.$(date -u +%Y%m%d%H%M%S)"
  # The tool is packed for this machine's runtime, precompiled (ReadyToRun), so commands start faster.
  runtime="$(dotnet --info | awk '$1 == "RID:" { print $2; exit }')"
  for project in src/Electrochem/Electrochem.csproj src/Electrochem.IO/Electrochem.IO.csproj src/Electrochem.Cli/Electrochem.Cli.csproj; do
    echo "packing $project at $version"
    extra=()
    [[ "$project" == *Electrochem.Cli.csproj ]] && extra=(-p:ToolRuntimes="$runtime")
    dotnet pack "$project" -c Release -o artifacts/packages -p:Version="$version" "${extra[@]}" --nologo >/dev/null
  done
fi

# `update` installs the tool when it is absent and replaces an older local build when it is present.
dotnet tool update Electrochem.Cli "${target[@]}" --add-source artifacts/packages --version "$version"
if [[ "${target[0]}" == "--global" ]]; then
  echo "electrochem $version is installed in ~/.dotnet/tools; make sure that folder is on your PATH"
else
  echo "electrochem $version is installed in ${target[1]}"
fi
