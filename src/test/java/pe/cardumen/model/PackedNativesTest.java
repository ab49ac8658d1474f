package pe.cardumen.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;

/** The container's packed TensorFlow natives: parts unpacked in parallel into exactly the original bytes, once. */
class PackedNativesTest {
    private static final int BLOCK = 4096;

    /** Packs files as build-container.sh does (split into BLOCK-byte parts, each gzip'd), with a manifest. */
    private static Path pack(Path dir, byte[]... libraries) throws IOException {
        Files.createDirectories(dir);
        StringBuilder manifest = new StringBuilder("block " + BLOCK + "\n");
        for (int k = 0; k < libraries.length; k++) {
            String name = "liblib" + k + ".so.2";
            byte[] bytes = libraries[k];
            int parts = Math.max(1, (bytes.length + BLOCK - 1) / BLOCK);
            for (int p = 0; p < parts; p++) {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(String.format("%s.%03d.gz", name, p))))) {
                    out.write(bytes, p * BLOCK, Math.min(BLOCK, bytes.length - p * BLOCK));
                }
            }
            manifest.append("file ").append(name).append(' ').append(bytes.length).append(' ').append(parts).append('\n');
            manifest.append("link liblib").append(k).append(".so ").append(name).append('\n');
        }
        Files.writeString(dir.resolve("natives.txt"), manifest);
        return dir;
    }

    @Test
    void unpacksTheOriginalBytesOnceAndLinksTheUnversionedNames() throws Exception {
        Random r = new Random(7);
        byte[] big = new byte[10 * BLOCK + 123];
        byte[] small = new byte[17];
        r.nextBytes(big);
        r.nextBytes(small);
        Path root = TestData.tempDir("natives");
        Path packed = pack(root.resolve("packed"), big, small);
        Path target = root.resolve("cache/natives");
        assertThat(PackedNatives.unpack(packed, target)).isTrue();
        assertThat(Files.readAllBytes(target.resolve("liblib0.so.2"))).isEqualTo(big);
        assertThat(Files.readAllBytes(target.resolve("liblib1.so.2"))).isEqualTo(small);
        assertThat(Files.isSymbolicLink(target.resolve("liblib0.so"))).isTrue();
        assertThat(Files.readAllBytes(target.resolve("liblib0.so"))).isEqualTo(big);
        // the second start finds it complete; nothing is left beside it
        assertThat(PackedNatives.unpack(packed, target)).isFalse();
        try (var s = Files.list(target.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("natives");
        }
        // a new image version (another manifest) replaces the old copy
        byte[] other = Arrays.copyOf(big, big.length - 5);
        Path packed2 = pack(root.resolve("packed2"), other);
        assertThat(PackedNatives.unpack(packed2, target)).isTrue();
        assertThat(Files.readAllBytes(target.resolve("liblib0.so.2"))).isEqualTo(other);
        assertThat(target.resolve("liblib1.so.2")).doesNotExist();
    }

    @Test
    void aDamagedPartLeavesNothingToTrust() throws Exception {
        byte[] big = new byte[5 * BLOCK];
        new Random(3).nextBytes(big);
        Path root = TestData.tempDir("natives-bad");
        Path packed = pack(root.resolve("packed"), big);
        Path part = packed.resolve("liblib0.so.2.002.gz");
        byte[] gz = Files.readAllBytes(part);
        gz[gz.length - 6] ^= 0x55; // the CRC-32 of the part
        Files.write(part, gz);
        Path target = root.resolve("cache/natives");
        assertThatThrownBy(() -> PackedNatives.unpack(packed, target)).isInstanceOf(IOException.class);
        assertThat(target).doesNotExist();
        try (var s = Files.list(target.getParent())) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void aManifestCannotWriteOutsideItsFolder() throws Exception {
        Path root = TestData.tempDir("natives-escape");
        Path packed = Files.createDirectories(root.resolve("packed"));
        Files.writeString(packed.resolve("natives.txt"), "block 4096\nfile ../../evil.so 10 1\n");
        assertThatThrownBy(() -> PackedNatives.unpack(packed, root.resolve("cache/natives")))
                .hasMessageContaining("not a plain file name");
    }

    @Test
    void aManifestDeclaringMoreThanItsPartsHoldIsRefusedAndLeavesNothing() throws Exception {
        byte[] lib = new byte[3 * BLOCK];
        new Random(5).nextBytes(lib);
        Path root = TestData.tempDir("natives-declared");
        Path packed = pack(root.resolve("packed"), lib);
        Path target = root.resolve("cache/natives");
        // a size the parts cannot fill
        Files.writeString(packed.resolve("natives.txt"), "block " + BLOCK + "\nfile liblib0.so.2 " + (lib.length + 1) + " 3\n");
        assertThatThrownBy(() -> PackedNatives.unpack(packed, target)).isInstanceOf(IOException.class)
                .hasMessageContaining("liblib0.so.2 unpacked to " + lib.length + " bytes, the manifest says " + (lib.length + 1));
        assertThat(target).doesNotExist();
        // more parts than the folder holds
        Files.writeString(packed.resolve("natives.txt"), "block " + BLOCK + "\nfile liblib0.so.2 " + lib.length + " 4\n");
        assertThatThrownBy(() -> PackedNatives.unpack(packed, target)).isInstanceOf(IOException.class).hasMessageContaining("liblib0.so.2.003.gz");
        assertThat(target).doesNotExist();
        // counts that are not numbers, or no block size
        Files.writeString(packed.resolve("natives.txt"), "block " + BLOCK + "\nfile liblib0.so.2 lots 3\n");
        assertThatThrownBy(() -> PackedNatives.unpack(packed, target)).hasMessageContaining("natives.txt line 2");
        Files.writeString(packed.resolve("natives.txt"), "file liblib0.so.2 " + lib.length + " 3\n");
        assertThatThrownBy(() -> PackedNatives.unpack(packed, target)).hasMessageContaining("no block size");
        try (var s = Files.list(target.getParent())) {
            assertThat(s).isEmpty();
        }
    }
}
