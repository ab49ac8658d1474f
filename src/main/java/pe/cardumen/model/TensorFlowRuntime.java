package pe.cardumen.model;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prepares TensorFlow for both TF Java (training) and DJL (inference), once per JVM: DJL offline (it
 * must never download an engine), the TensorFlow natives loaded from the {@code tensorflow-core-native}
 * jar on the class path and DJL pointed at them, the native libraries extracted to Cardumen's own
 * cache folder instead of {@code ~/.javacpp}, and TensorFlow's C++ log and DJL's GPU probe quietened.
 *
 * <p>An existing {@code TENSORFLOW_LIBRARY_PATH} (environment or system property) is respected, so a
 * packager can pre-extract the natives. Thread-safe.
 */
public final class TensorFlowRuntime {
    private static volatile String libraryPath;

    private TensorFlowRuntime() {
    }

    /**
     * Loads the natives if not yet done.
     *
     * @param cacheDir where the native libraries are extracted (e.g. {@code ~/Cardumen/cache}); used only
     *                 when {@code org.bytedeco.javacpp.cachedir} is not set already
     * @return the folder of the TensorFlow JNI library
     * @throws IllegalStateException when the natives of this platform are not on the class path
     */
    public static String start(Path cacheDir) {
        String p = libraryPath;
        if (p != null) {
            return p;
        }
        synchronized (TensorFlowRuntime.class) {
            if (libraryPath != null) {
                return libraryPath;
            }
            System.setProperty("ai.djl.offline", "true");
            // DJL logs a warning per GPU probe on machines without CUDA; nothing to act on
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
            if (System.getProperty("org.bytedeco.javacpp.cachedir") == null) {
                try {
                    Files.createDirectories(cacheDir);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("cannot create the native-library cache " + cacheDir + ": " + e.getMessage(), e);
                }
                System.setProperty("org.bytedeco.javacpp.cachedir", cacheDir.toAbsolutePath().toString());
            }
            String given = System.getenv("TENSORFLOW_LIBRARY_PATH");
            if (given == null) {
                given = System.getProperty("TENSORFLOW_LIBRARY_PATH");
            }
            if (given != null && !given.isBlank()) {
                libraryPath = given;
                return given;
            }
            environment();
            try {
                String jni = org.bytedeco.javacpp.Loader.load(org.tensorflow.internal.c_api.global.tensorflow.class);
                String dir = new File(jni).getParent();
                System.setProperty("TENSORFLOW_LIBRARY_PATH", dir);
                libraryPath = dir;
                return dir;
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                throw new IllegalStateException("the TensorFlow natives for " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                        + " are not on the class path (tensorflow-core-native with this platform's classifier): " + e.getMessage(), e);
            }
        }
    }

    /** The default cache: {@code cardumen.home}/cache, or {@code ~/Cardumen/cache}. */
    public static Path defaultCache() {
        String home = System.getProperty("cardumen.home");
        Path base = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), "Cardumen");
        return base.resolve("cache");
    }

    /**
     * TensorFlow reads its switches from the process environment when the library loads; Java cannot
     * set environment variables, so they are set through the C library (JNA comes with DJL), unless the
     * user set them: {@code TF_CPP_MIN_LOG_LEVEL=2} (no informational C++ log lines),
     * {@code TF_ENABLE_ONEDNN_OPTS=0} and {@code TF_DETERMINISTIC_OPS=1} (oneDNN's kernels sum in an order
     * that varies from run to run; without them the same seed gives the same weights). Best effort.
     */
    private static void environment() {
        setenv("TF_CPP_MIN_LOG_LEVEL", "2");
        setenv("TF_ENABLE_ONEDNN_OPTS", "0");
        setenv("TF_DETERMINISTIC_OPS", "1");
    }

    private static void setenv(String name, String value) {
        if (System.getenv(name) != null) {
            return;
        }
        try {
            if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win")) {
                CRuntime.WINDOWS.get()._putenv(name + "=" + value);
            } else {
                CRuntime.POSIX.get().setenv(name, value, 1);
            }
        } catch (Throwable ignored) {
            // not fatal: TensorFlow only prints more or sums in another order
        }
    }

    /** The C library functions used to set an environment variable. */
    private interface CRuntime extends com.sun.jna.Library {
        java.util.function.Supplier<CRuntime> POSIX = () -> com.sun.jna.Native.load("c", CRuntime.class);
        java.util.function.Supplier<CRuntime> WINDOWS = () -> com.sun.jna.Native.load("msvcrt", CRuntime.class);

        int setenv(String name, String value, int overwrite);

        int _putenv(String assignment);
    }
}
