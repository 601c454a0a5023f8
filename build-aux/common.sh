# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by build-aux/run and build-aux/test: the Debian 12 packages Steady needs, and an
# idempotent way to install the missing ones (apt-get as root, sudo otherwise).

BUILD_PACKAGES=(
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libical-dev libnotify-dev libjson-glib-dev
  libcairo2-dev libpango1.0-dev
  desktop-file-utils appstream
  # The bells: GTK 4.8 plays sound only through a media backend module, here GStreamer's,
  # which needs the Ogg/Vorbis decoders (base), autoaudiosink (good) and an audio output:
  # PulseAudio (also PipeWire's pulse server) or, failing that, ALSA.
  libgtk-4-media-gstreamer gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  gstreamer1.0-pulseaudio gstreamer1.0-alsa
)

TEST_PACKAGES=(
  xvfb xauth dbus dbus-x11 at-spi2-core
  python3 python3-pyatspi python3-gi gir1.2-atspi-2.0
  dunst sqlite3 poppler-utils
  clang libclang-rt-14-dev
  fonts-cantarell fonts-dejavu-core adwaita-icon-theme
  # test-week-start builds en_US and de_DE from their sources with localedef when the
  # machine has neither (a fresh Debian has only C).
  locales
)

missing_packages () {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q '^install ok installed$' \
      || printf '%s\n' "$pkg"
  done
}

install_packages () {
  local missing
  mapfile -t missing < <(missing_packages "$@")
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
  fi
  echo "Installing: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
}

# meson setup, or reconfigure when the folder already holds a build.
setup_build () {
  local dir=$1
  shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@"
  fi
}
