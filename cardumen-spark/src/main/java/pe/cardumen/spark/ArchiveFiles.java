package pe.cardumen.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import pe.cardumen.io.FileDigest;

/**
 * The archive's files by any Hadoop file system URI the cluster has ({@code file://}, {@code hdfs://},
 * {@code s3a://} when its jars are added): listing folders and globs on the driver, and copying a file
 * to the executor's local disk (with its SHA-256, in the same pass) so that the desktop's streaming
 * readers read it as they read a file on a laptop.
 */
final class ArchiveFiles {
    private ArchiveFiles() {
    }

    /** A local copy of an archive file and the SHA-256 of its bytes ({@code null} until it is hashed). */
    record LocalCopy(Path path, long bytes, String sha256) {
        LocalCopy withSha256(String sha) {
            return new LocalCopy(path, bytes, sha);
        }
    }

    /**
     * Every file under the inputs whose name ends with {@code suffix} (case-insensitive): a folder is
     * searched recursively, a glob ({@code *}, {@code ?}, {@code [..]}) expanded, a file taken as it is.
     * Sorted by URI, so that a survey's files come in the order the sounder wrote them.
     *
     * @throws IllegalArgumentException naming an input that does not exist or matches nothing
     */
    static List<URI> list(List<String> inputs, String suffix, Configuration conf) throws IOException {
        List<URI> out = new ArrayList<>();
        for (String input : inputs) {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(input);
            FileSystem fs = p.getFileSystem(conf);
            FileStatus[] matched = fs.globStatus(p);
            if (matched == null || matched.length == 0) {
                throw new IllegalArgumentException(input + ": no such file or folder, and no file matches it as a pattern");
            }
            int before = out.size();
            for (FileStatus m : matched) {
                if (m.isDirectory()) {
                    walk(fs, m.getPath(), suffix, out);
                } else if (named(m.getPath(), suffix)) {
                    out.add(m.getPath().toUri());
                }
            }
            if (out.size() == before) {
                throw new IllegalArgumentException(input + ": holds no " + suffix + " file");
            }
        }
        out.sort(null);
        return out.stream().distinct().toList();
    }

    /**
     * The files under a folder, by {@code listStatus} folder after folder. Not {@code listFiles(dir, true)}:
     * its {@code LocatedFileStatus} asks each file for its permissions, which the local file system
     * answers by running {@code ls} once per file (0.75 s for 200 files, against 0.01 s this way).
     * A local folder reached again through a symbolic link (a link to a parent makes a loop) is walked
     * once, so that no file is listed, and integrated, under several names.
     */
    private static void walk(FileSystem fs, org.apache.hadoop.fs.Path dir, String suffix, List<URI> out) throws IOException {
        ArrayDeque<org.apache.hadoop.fs.Path> folders = new ArrayDeque<>();
        Set<Path> seen = new HashSet<>();
        folders.add(dir);
        while (!folders.isEmpty()) {
            org.apache.hadoop.fs.Path folder = folders.poll();
            URI u = folder.toUri();
            if ((u.getScheme() == null || u.getScheme().equals("file")) && !seen.add(Path.of(u.getPath()).toRealPath())) {
                continue;
            }
            for (FileStatus f : fs.listStatus(folder)) {
                if (f.isDirectory()) {
                    folders.add(f.getPath());
                } else if (f.isFile() && named(f.getPath(), suffix)) {
                    out.add(f.getPath().toUri());
                }
            }
        }
    }

    private static boolean named(org.apache.hadoop.fs.Path p, String suffix) {
        return p.getName().toLowerCase(Locale.ROOT).endsWith(suffix);
    }

    /** Copies the file into {@code dir} under its own name, computing its SHA-256 as it streams. */
    static LocalCopy copy(URI file, Path dir, Configuration conf) throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file);
        FileSystem fs = p.getFileSystem(conf);
        Path local = dir.resolve(p.getName());
        MessageDigest sha = FileDigest.newSha256();
        long bytes = 0;
        try (InputStream in = new DigestInputStream(fs.open(p), sha); OutputStream out = Files.newOutputStream(local)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                bytes += n;
            }
        }
        return new LocalCopy(local, bytes, FileDigest.hex(sha));
    }

    /**
     * The file on this machine's disk: itself when it is a {@code file:} URI (not hashed yet: the task
     * hashes it in the pass that integrates it), else a copy in {@code dir}, hashed as it was copied.
     */
    static LocalCopy local(URI file, Path dir, Configuration conf) throws IOException {
        if (file.getScheme() == null || file.getScheme().equals("file")) {
            Path p = Path.of(file.getScheme() == null ? new java.io.File(file.getPath()).toURI() : file);
            return new LocalCopy(p, Files.size(p), null);
        }
        return copy(file, dir, conf);
    }

    /** Copies the file when it exists; {@code null} when it does not. */
    static LocalCopy copyIfExists(URI file, Path dir, Configuration conf) throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file);
        try {
            if (!p.getFileSystem(conf).isFile(p)) {
                return null;
            }
            return copy(file, dir, conf);
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    /** The URI of the file beside {@code file} with the given name. */
    static URI sibling(URI file, String name) {
        return new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(file).getParent(), name).toUri();
    }
}
