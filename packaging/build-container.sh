#!/usr/bin/env bash
# Builds the OCI image of cardumen serve without a Docker daemon and without a registry:
#   packaging/build-container.sh            builds the jar (./mvnw package) and the image
#   packaging/build-container.sh --no-maven uses the jar and libraries the build left in target/
# Output: the image localhost/cardumen-serve:VERSION in podman's store and target/container/cardumen-serve-VERSION.tar
# (docker-archive: podman load -i, docker load -i, kind load image-archive, ctr images import).
# Needs: a JDK 17 with jmods (jlink), podman, dpkg-deb and apt-get (the Debian packages of the base are
# downloaded once through this machine's apt configuration and kept in target/container/debs).
# With internet and a Docker daemon, packaging/container/Containerfile.temurin builds the same service on
# eclipse-temurin:17-jre instead.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
if [ "${1:-}" != "--no-maven" ]; then
  rm -f target/cardumen.jar target/original-cardumen.jar
  ./mvnw -q -B -DskipTests -DskipSpark package
fi
version="$(sed -n 's/^version=//p' target/classes/pe/cardumen/version.properties 2>/dev/null || true)"
[ -n "$version" ] || version="$(sed -n 's/^version=//p' "$(find target/classes -name version.properties | head -1)")"
image="localhost/cardumen-serve:$version"
out="target/container"
ctx="$out/context"
rm -rf "$ctx"
mkdir -p "$ctx/rootfs" "$ctx/lib" "$ctx/app" "$out/debs"

# 1. the application: the unshaded jar, its runtime libraries without JavaFX, the sample data (zones,
#    coast, ENSO indices) and the bundled model registry (seed for /data/models)
jar=target/original-cardumen.jar
[ -f "$jar" ] || jar=target/cardumen.jar
[ -d target/container-lib ] || { echo "target/container-lib is missing: run ./mvnw package first" >&2; exit 1; }
cp target/container-lib/*.jar "$ctx/lib/"
cp "$jar" "$ctx/app/cardumen.jar"
cp -r sample-data models "$ctx/app/"
mkdir -p "$ctx/app/bin" && cp packaging/container/cardumen "$ctx/app/bin/cardumen"

# 2. the Java runtime: jlink of the JDK modules the service uses
jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
"$jdk/bin/jlink" --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.sql,java.xml,jdk.localedata,jdk.unsupported,jdk.charsets,jdk.crypto.ec,jdk.management,jdk.zipfs \
  --include-locales=en,es --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive --output "$ctx/java"
# the desktop's X11, sound and smart-card libraries are not needed by a headless server
rm -f "$ctx/java/lib/libawt_xawt.so" "$ctx/java/lib/libjawt.so" "$ctx/java/lib/libsplashscreen.so" "$ctx/java/lib/libjsound.so" "$ctx/java/lib/libj2pcsc.so"

# 3. the base: the Debian packages that hold every shared library the runtime and the jars' natives link to
natives="$out/natives"
rm -rf "$natives"; mkdir -p "$natives"
for j in "$ctx"/lib/tensorflow-core-native-*-linux-x86_64.jar "$ctx"/lib/sqlite-jdbc-*.jar "$ctx"/lib/jna-*.jar; do
  [ -f "$j" ] || continue
  (cd "$natives" && unzip -q -o "$root/$j" '*linux*x86_64*/*.so*' '*Linux*x86*64*/*.so*' 2>/dev/null || true)
done
libs="$( { find "$ctx/java" -name '*.so*' -type f; find "$natives" -name '*.so*' -type f; } \
  | { xargs -r ldd 2>/dev/null || true; } | awk '/=> \//{print $3} /^\t\/lib64/{print $1}' | sort -u)"
pkgs="busybox-static"
for l in $libs; do
  p="$(dpkg -S "$l" 2>/dev/null || dpkg -S "$(readlink -f "$l")" 2>/dev/null || dpkg -S "${l#/usr}" 2>/dev/null || true)"
  p="${p%%:*}"
  [ -n "$p" ] && pkgs="$pkgs $p"
done
pkgs="$(printf '%s\n' $pkgs | sort -u | tr '\n' ' ')"
echo "base packages: $pkgs"
(cd "$out/debs" && for p in $pkgs; do ls "${p}"_*.deb >/dev/null 2>&1 || apt-get download -q "$p" >/dev/null; done)
for p in $pkgs; do dpkg-deb -x "$(ls "$out/debs/${p}"_*.deb | head -1)" "$ctx/rootfs"; done
rm -rf "$ctx/rootfs/usr/share/doc" "$ctx/rootfs/usr/share/man" "$ctx/rootfs/usr/share/locale" "$ctx/rootfs/usr/share/lintian" "$ctx/rootfs/usr/share/info"
mkdir -p "$ctx/rootfs/etc" "$ctx/rootfs/tmp" "$ctx/rootfs/data" "$ctx/rootfs/var/cache/cardumen" "$ctx/rootfs/bin"
chmod 1777 "$ctx/rootfs/tmp"
printf 'root:x:0:0:root:/root:/bin/sh\ncardumen:x:10001:10001:cardumen:/data:/bin/sh\n' > "$ctx/rootfs/etc/passwd"
printf 'root:x:0:\ncardumen:x:10001:\n' > "$ctx/rootfs/etc/group"
chown 10001:10001 "$ctx/rootfs/data" "$ctx/rootfs/var/cache/cardumen"
ln -sf busybox "$ctx/rootfs/bin/sh"
echo 'include /etc/ld.so.conf.d/*.conf' > "$ctx/rootfs/etc/ld.so.conf"
ldconfig -r "$ctx/rootfs"

# 4. TensorFlow's natives, stripped of their debug sections (632 → 458 MB) and cut into 16 MB gzip parts
#    that the service unpacks in parallel at the first start of the image on a volume (model.PackedNatives),
#    instead of JavaCPP unpacking the jar's 632 MB one file at a time; the jar of natives leaves the image
tfjar="$(ls "$ctx"/lib/tensorflow-core-native-*-linux-x86_64.jar 2>/dev/null | head -1 || true)"
if [ -n "$tfjar" ]; then
  packed="$ctx/app/natives"
  work="$out/natives-work"
  rm -rf "$packed" "$work"; mkdir -p "$packed" "$work"
  (cd "$work" && unzip -q -j -o "$root/$tfjar" '*linux-x86_64/*.so*')
  if command -v strip >/dev/null; then
    strip --strip-unneeded "$work"/libtensorflow_cc.so.* "$work"/libtensorflow_framework.so.* || echo "strip failed; the natives keep their symbols" >&2
  fi
  block=$((16 * 1024 * 1024))
  { echo "# TensorFlow natives for model.PackedNatives, from $(basename "$tfjar")"; echo "block $block"; } > "$packed/natives.txt"
  for f in "$work"/*.so*; do
    name="$(basename "$f")"
    size="$(stat -c %s "$f")"
    parts=$(( (size + block - 1) / block ))
    split -b "$block" -d -a 3 "$f" "$packed/$name."
    echo "file $name $size $parts" >> "$packed/natives.txt"
    case "$name" in *.so.*) echo "link ${name%.so.*}.so $name" >> "$packed/natives.txt" ;; esac
  done
  ls "$packed"/*.[0-9][0-9][0-9] | xargs -P "$(nproc)" -n 4 gzip -6
  rm -rf "$work" "$tfjar"
fi

# 5. the image, and a tarball of it
podman --cgroup-manager=cgroupfs build --format docker --runtime /usr/sbin/runc -q -f packaging/container/Containerfile -t "$image" "$ctx" >/dev/null
rm -f "$out"/cardumen-serve-*.tar
podman save -q --format docker-archive -o "$out/cardumen-serve-$version.tar" "$image"
size="$(podman image inspect "$image" --format '{{.Size}}')"
echo "$image: $((size / 1000000)) MB unpacked; $(($(stat -c %s "$out/cardumen-serve-$version.tar") / 1000000)) MB as $out/cardumen-serve-$version.tar"
