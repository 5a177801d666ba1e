# Shared by deploy/bin scripts: install and start what Berth needs on a Debian machine.
# Every function is idempotent: it does nothing when the thing is already there.

BERTH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

log() { printf '[berth] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# apt_install PKG... : installs the Debian packages that are missing.
apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# ensure_docker: a Docker engine answering on the default socket (vfs storage: works in containers/VMs).
ensure_docker() {
  apt_install docker.io busybox-static
  if docker info >/dev/null 2>&1; then
    return 0
  fi
  log "starting dockerd (storage driver vfs)"
  as_root mkdir -p /var/log
  as_root sh -c 'setsid nohup dockerd --storage-driver=vfs >/var/log/berth-dockerd.log 2>&1 </dev/null &'
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && return 0
    sleep 1
  done
  log "dockerd did not come up; see /var/log/berth-dockerd.log"
  return 1
}

# ensure_busybox_image NAME: an image holding busybox-static and a link per applet, made with
# `docker import` (no registry needed). Used as the default image and for helper stand-ins.
ensure_busybox_image() {
  local name="$1"
  if docker image inspect "$name" >/dev/null 2>&1; then
    return 0
  fi
  log "building image $name from /bin/busybox"
  local root
  root="$(mktemp -d)"
  mkdir -p "$root/bin" "$root/tmp" "$root/etc" "$root/var/www"
  cp /bin/busybox "$root/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  echo 'root:x:0:0:root:/root:/bin/sh' > "$root/etc/passwd"
  tar -C "$root" -c . | docker import -c 'ENV PATH=/bin' -c 'CMD ["/bin/sh"]' - "$name" >/dev/null
  rm -rf "$root"
}
