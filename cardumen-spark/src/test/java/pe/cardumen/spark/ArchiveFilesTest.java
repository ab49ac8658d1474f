package pe.cardumen.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing an archive on the driver: folders searched to any depth, globs, suffix in any case, order by URI. */
class ArchiveFilesTest {
    @TempDir
    Path dir;

    private Path touch(String relative) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.write(p, new byte[] {1});
    }

    private static List<String> names(List<URI> files, Path base) {
        return files.stream().map(u -> base.toUri().relativize(Path.of(u).toUri()).toString()).toList();
    }

    @Test
    void aFolderIsSearchedToAnyDepthForTheSuffixInAnyCaseAndTheFilesComeSortedByUri() throws IOException {
        touch("b/2012/D2.raw");
        touch("b/2012/deep/er/D3.RAW");
        touch("a/D1.raw");
        touch("a/D1.bot");
        touch("a/notes.txt");
        Files.createDirectories(dir.resolve("empty/folder"));

        List<URI> files = ArchiveFiles.list(List.of(dir.toString()), ".raw", new Configuration());

        assertThat(names(files, dir)).containsExactly("a/D1.raw", "b/2012/D2.raw", "b/2012/deep/er/D3.RAW");
    }

    @Test
    void aFolderReachedAgainThroughASymbolicLinkIsListedOnce() throws IOException {
        touch("s1/D1.raw");
        Files.createSymbolicLink(dir.resolve("s1/loop"), Path.of(".."));
        Files.createSymbolicLink(dir.resolve("again"), Path.of("s1"));

        List<URI> files = ArchiveFiles.list(List.of(dir.toString()), ".raw", new Configuration());

        assertThat(files).hasSize(1);
    }

    @Test
    void globsFilesAndOverlappingInputsGiveEachFileOnce() throws IOException {
        touch("s1/D1.raw");
        touch("s2/D2.raw");
        touch("s2/x/D3.raw");

        List<URI> files = ArchiveFiles.list(List.of(dir + "/s*", dir.resolve("s2/D2.raw").toString()), ".raw", new Configuration());

        assertThat(names(files, dir)).containsExactly("s1/D1.raw", "s2/D2.raw", "s2/x/D3.raw");
    }

    @Test
    void anInputThatIsMissingOrHoldsNoRawFileIsNamedInTheError() throws IOException {
        touch("only/notes.txt");
        Configuration conf = new Configuration();

        assertThatThrownBy(() -> ArchiveFiles.list(List.of(dir.resolve("nowhere").toString()), ".raw", conf))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(dir.resolve("nowhere") + ": no such file or folder, and no file matches it as a pattern");
        assertThatThrownBy(() -> ArchiveFiles.list(List.of(dir.resolve("only").toString()), ".raw", conf))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(dir.resolve("only") + ": holds no .raw file");
    }
}
