#!/usr/bin/env bash
# Builds the self-contained Cardumen app image with jlink + jpackage (JDK 17+), offline once Maven has
# its dependencies. Usage: packaging/build-app-image.sh [app-image|deb|rpm]
# On Windows or macOS run the same three steps in a shell there (types msi/exe or dmg/pkg).
set -euo pipefail
cd "$(dirname "$0")/.."
# the shade plugin keeps the jar it shades as original-cardumen.jar; a jar left by an earlier build would
# be shaded already, so both are removed and the application jar is made afresh
rm -f target/cardumen.jar target/original-cardumen.jar
./mvnw -q -B -DskipTests package
./mvnw -q -B dependency:copy-dependencies -DincludeScope=runtime -DexcludeGroupIds=org.openjfx -DoutputDirectory=target/lib
./mvnw -q -B dependency:copy-dependencies -DincludeScope=runtime -DincludeGroupIds=org.openjfx -DoutputDirectory=target/javafx
java -cp target/cardumen.jar packaging/BuildAppImage.java "${1:-app-image}"
