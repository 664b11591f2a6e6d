/**
 * What the busybox stand-in adds to Debian's static BusyBox so that it behaves like
 * busybox:1.36.1 for everything the course shows: `adduser`, `addgroup` and `install` are not
 * built into Debian's BusyBox 1.35 (neither the static nor the dynamic package), so the stand-in
 * carries small shell versions of them with BusyBox's options and results (the checklist's
 * `RUN addgroup -g 1001 -S appgroup && adduser -S appuser -u 1001 -G appgroup` gives uid 1001,
 * gid 1001), and the account files of the real image (its groups decide which gid `-S` picks).
 * What the stand-in still lacks is listed in `STANDIN_LACKS`, and `shipshape images status`
 * prints it.
 */

/** Bumped whenever the stand-in changes, so `images prepare` rebuilds older stand-ins. */
export const STANDIN_VERSION = '2';

/** Differences from busybox:1.36.1 that remain, for `images status`. */
export const STANDIN_LACKS: readonly string[] = [
  'deluser, delgroup and chpasswd (not in Debian\'s BusyBox)',
  'wget -T crashes (a bug of Debian\'s BusyBox 1.35; the course never uses it)',
];

/** Scripts placed in /bin, after the applet links (none of these names is an applet there). */
export const standInTools: readonly { name: string; script: string }[] = [
  { name: 'adduser', script: `#!/bin/sh
# shipshape stand-in for BusyBox adduser (Debian's static BusyBox has none). Same options and
# results as busybox:1.36.1: adduser [-h DIR] [-g GECOS] [-s SHELL] [-G GRP] [-S] [-D] [-H]
# [-u UID] [-k SKEL] USER [GROUP]
set -u
me=adduser
die() { echo "$me: $*" >&2; exit 1; }
usage() { echo "Usage: adduser [OPTIONS] USER [GROUP]" >&2; exit 1; }
home=''; gecos='Linux User,,,'; shell=''; group=''; system=0; nopass=0; nohome=0; uid=''; skel=/etc/skel
# Options may come after the names, as BusyBox's own parser allows.
operands=''
while [ $# -gt 0 ]; do
  a=$1; shift
  case $a in
    --) for r in "$@"; do operands="$operands
$r"; done; break ;;
    -?*)
      a=\${a#-}
      while [ -n "$a" ]; do
        opt=\${a%"\${a#?}"}; a=\${a#?}
        case $opt in
          [hgsGuk])
            if [ -n "$a" ]; then OPTARG=$a; a=''; elif [ $# -gt 0 ]; then OPTARG=$1; shift; else usage; fi ;;
          [SDH]) OPTARG='' ;;
          *) usage ;;
        esac
        case $opt in
          h) home=$OPTARG ;; g) gecos=$OPTARG ;; s) shell=$OPTARG ;; G) group=$OPTARG ;;
          S) system=1 ;; D) nopass=1 ;; H) nohome=1 ;; u) uid=$OPTARG ;; k) skel=$OPTARG ;;
        esac
      done ;;
    *) operands="$operands
$a" ;;
  esac
done
IFS='
'
set -f
set -- $operands
set +f
unset IFS
[ $# -ge 1 ] && [ $# -le 2 ] || usage
[ "$(id -u)" = 0 ] || die 'need to be root'
user=$1
field() { awk -F: -v k="$1" -v c="$2" -v f="$3" '$c == k { print $f; exit }' "$4"; }
# \`adduser USER GROUP\`: add an existing user to an existing group.
if [ $# -eq 2 ]; then
  exec addgroup "$user" "$2"
fi
case $user in ''|-*|*[!A-Za-z0-9._@$-]*) die "illegal character in '$user'" ;; esac
[ -z "$(field "$user" 1 1 /etc/passwd)" ] || die "user '$user' in use"
if [ -n "$uid" ]; then
  case $uid in *[!0-9]*|'') die "invalid number '$uid'" ;; esac
  [ -z "$(field "$uid" 3 3 /etc/passwd)" ] || die "uid '$uid' in use"
else
  if [ $system = 1 ]; then uid=100; last=999; else uid=1000; last=64999; fi
  while [ -n "$(field "$uid" 3 3 /etc/passwd)" ]; do
    uid=$((uid + 1)); [ $uid -le $last ] || die 'no free uids left'
  done
fi
if [ -z "$group" ] && [ $system = 1 ]; then group=nogroup; fi
if [ -n "$group" ]; then
  gid=$(field "$group" 1 3 /etc/group)
  [ -n "$gid" ] || gid=$(field "$group" 3 3 /etc/group)
  [ -n "$gid" ] || die "unknown group $group"
else
  # A group of the user's own name, with the same number when it is free.
  if [ -n "$(field "$uid" 3 3 /etc/group)" ]; then addgroup "$user" || exit 1; else addgroup -g "$uid" "$user" || exit 1; fi
  gid=$(field "$user" 1 3 /etc/group)
fi
[ -n "$home" ] || home=/home/$user
if [ -z "$shell" ]; then if [ $system = 1 ]; then shell=/sbin/nologin; else shell=/bin/sh; fi; fi
echo "$user:x:$uid:$gid:$gecos:$home:$shell" >> /etc/passwd
if [ -f /etc/shadow ]; then echo "$user:!:$(( $(date +%s) / 86400 )):0:99999:7:::" >> /etc/shadow; fi
if [ $nohome = 0 ] && [ ! -e "$home" ]; then
  mkdir -p "$home" && chmod 755 "$home"
  if [ -d "$skel" ]; then cp -a "$skel/." "$home/" 2>/dev/null; fi
  chown -R "$uid:$gid" "$home"
fi
# Without -D (or -S), BusyBox asks for a password, which fails without a terminal.
if [ $nopass = 0 ] && [ $system = 0 ]; then
  echo "passwd: password for $user is unchanged" >&2
  exit 1
fi
exit 0
` },
  { name: 'addgroup', script: `#!/bin/sh
# shipshape stand-in for BusyBox addgroup (Debian's static BusyBox has none). Same options and
# results as busybox:1.36.1: addgroup [-g GID] [-S] [USER] GROUP
set -u
me=addgroup
die() { echo "$me: $*" >&2; exit 1; }
usage() { echo "Usage: addgroup [-g GID] [-S] [USER] GROUP" >&2; exit 1; }
gid=''; system=0
# Options may come after the names, as BusyBox's own parser allows.
operands=''
while [ $# -gt 0 ]; do
  a=$1; shift
  case $a in
    --) for r in "$@"; do operands="$operands
$r"; done; break ;;
    -?*)
      a=\${a#-}
      while [ -n "$a" ]; do
        opt=\${a%"\${a#?}"}; a=\${a#?}
        case $opt in
          [g])
            if [ -n "$a" ]; then OPTARG=$a; a=''; elif [ $# -gt 0 ]; then OPTARG=$1; shift; else usage; fi ;;
          [S]) OPTARG='' ;;
          *) usage ;;
        esac
        case $opt in
          g) gid=$OPTARG ;; S) system=1 ;;
        esac
      done ;;
    *) operands="$operands
$a" ;;
  esac
done
IFS='
'
set -f
set -- $operands
set +f
unset IFS
[ $# -ge 1 ] && [ $# -le 2 ] || usage
[ "$(id -u)" = 0 ] || die 'need to be root'
field() { awk -F: -v k="$1" -v c="$2" -v f="$3" '$c == k { print $f; exit }' "$4"; }
if [ $# -eq 2 ]; then
  # \`addgroup USER GROUP\`: add an existing user to an existing group's members.
  user=$1; group=$2
  [ -n "$(field "$user" 1 1 /etc/passwd)" ] || die "unknown user $user"
  [ -n "$(field "$group" 1 1 /etc/group)" ] || die "unknown group $group"
  members=$(field "$group" 1 4 /etc/group)
  case ",$members," in *",$user,"*) exit 0 ;; esac
  tmp=/etc/group.shipshape.$$
  awk -F: -v OFS=: -v g="$group" -v u="$user" '$1 == g { $4 = ($4 == "" ? u : $4 "," u) } { print }' /etc/group > "$tmp" && cat "$tmp" > /etc/group && rm -f "$tmp"
  exit 0
fi
group=$1
case $group in ''|-*|*[!A-Za-z0-9._@$-]*) die "illegal character in '$group'" ;; esac
[ -z "$(field "$group" 1 1 /etc/group)" ] || die "group '$group' in use"
if [ -n "$gid" ]; then
  case $gid in *[!0-9]*|'') die "invalid number '$gid'" ;; esac
  [ -z "$(field "$gid" 3 3 /etc/group)" ] || die "gid '$gid' in use"
else
  if [ $system = 1 ]; then gid=100; last=999; else gid=1000; last=64999; fi
  while [ -n "$(field "$gid" 3 3 /etc/group)" ]; do
    gid=$((gid + 1)); [ $gid -le $last ] || die 'no free gids left'
  done
fi
echo "$group:x:$gid:" >> /etc/group
if [ -f /etc/gshadow ]; then echo "$group:!::" >> /etc/gshadow; fi
exit 0
` },
  { name: 'install', script: `#!/bin/sh
# shipshape stand-in for BusyBox install (Debian's static BusyBox has none):
# install [-cdDsp] [-o USER] [-g GRP] [-m MODE] [-t DIR] [SOURCE]... DEST
set -u
die() { echo "install: $*" >&2; exit 1; }
dirs=0; parents=0; owner=''; grp=''; mode=755; target=''
while getopts 'cdDspo:g:m:t:' opt; do
  case $opt in
    c|s|p) ;; d) dirs=1 ;; D) parents=1 ;; o) owner=$OPTARG ;; g) grp=$OPTARG ;; m) mode=$OPTARG ;; t) target=$OPTARG ;;
    *) echo 'Usage: install [-cdDsp] [-o USER] [-g GRP] [-m MODE] [-t DIR] [SOURCE]... DEST' >&2; exit 1 ;;
  esac
done
shift $((OPTIND - 1))
finish() {
  chmod "$mode" "$1" || exit 1
  if [ -n "$owner" ]; then chown "$owner" "$1" || exit 1; fi
  if [ -n "$grp" ]; then chgrp "$grp" "$1" || exit 1; fi
}
if [ $dirs = 1 ]; then
  [ $# -ge 1 ] || die 'missing operand'
  for d in "$@"; do mkdir -p "$d" || exit 1; finish "$d"; done
  exit 0
fi
if [ -z "$target" ]; then
  [ $# -ge 2 ] || die 'missing operand'
  eval "target=\\\${$#}"
  if [ $# -eq 2 ] && [ ! -d "$target" ]; then
    [ $parents = 0 ] || mkdir -p "$(dirname "$target")" || exit 1
    cp "$1" "$target" || exit 1; finish "$target"; exit 0
  fi
  n=$(($# - 1)); set -- $(i=0; for a in "$@"; do i=$((i + 1)); [ $i -le $n ] && printf '%s\\n' "$a"; done)
fi
[ -d "$target" ] || { [ $parents = 1 ] && mkdir -p "$target"; } || die "'$target' is not a directory"
for f in "$@"; do
  cp "$f" "$target/" || exit 1; finish "$target/$(basename "$f")"
done
` },
];

/** /etc/passwd of busybox:1.36.1. */
export const standInPasswd = [
  'root:x:0:0:root:/root:/bin/sh',
  'daemon:x:1:1:daemon:/usr/sbin:/bin/false',
  'bin:x:2:2:bin:/bin:/bin/false',
  'sys:x:3:3:sys:/dev:/bin/false',
  'sync:x:4:100:sync:/bin:/bin/sync',
  'mail:x:8:8:mail:/var/spool/mail:/bin/false',
  'www-data:x:33:33:www-data:/var/www:/bin/false',
  'operator:x:37:37:Operator:/var:/bin/false',
  'nobody:x:65534:65534:nobody:/home:/bin/false',
].join('\n') + '\n';

/** /etc/group of busybox:1.36.1: `users` is 100, so `addgroup -S` picks 101 first, as there. */
export const standInGroup = [
  'root:x:0:', 'daemon:x:1:', 'bin:x:2:', 'sys:x:3:', 'adm:x:4:', 'tty:x:5:', 'disk:x:6:', 'lp:x:7:', 'mail:x:8:', 'kmem:x:9:',
  'wheel:x:10:root', 'cdrom:x:11:', 'dialout:x:18:', 'floppy:x:19:', 'video:x:28:', 'audio:x:29:', 'tape:x:32:', 'www-data:x:33:daemon',
  'operator:x:37:', 'utmp:x:43:', 'plugdev:x:46:', 'staff:x:50:', 'lock:x:54:', 'netdev:x:82:', 'users:x:100:', 'nogroup:x:65534:',
].join('\n') + '\n';

/** /etc/shadow: every account locked, readable by root only. */
export const standInShadow = standInPasswd.split('\n').filter((line) => line !== '').map((line) => `${line.split(':')[0]}:*:19000:0:99999:7:::`).join('\n') + '\n';
