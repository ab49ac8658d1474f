package pe.cardumen.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of a real input file: what a bad disk, a cut transfer, a hand edit or a foreign
 * tool does to a file. Binary mutations aim half of the time at the first 4 KiB, where the headers
 * and their declared counts and sizes are. Text mutations work on lines and fields.
 */
final class Mutator {
    /** A mutated input and what was done to it. */
    record Mutant(byte[] bytes, String description) {
    }

    private static final int[] INTERESTING_INTS = {0, -1, 1, 2, 7, 8, 16, 255, 256, 65535, Integer.MAX_VALUE, Integer.MIN_VALUE,
            Integer.MAX_VALUE - 1, 0x40000000, -2147479015};
    private static final double[] INTERESTING_DOUBLES = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e308, -1e308, 0.0,
            -0.0, 4.9e-324};
    private static final String[] INTERESTING_TOKENS = {"NaN", "-930000", "1e308", "", "-0", "9990.3", "25:00", "abc", "2147483647",
            "-2147483648", "-1", "0", "999", "-999", "1e-320", "\"", "2026-13-45T99:99:99Z", "Infinity", " 12 ", "1,5"};

    private final Random random;

    Mutator(long seed) {
        this.random = new Random(seed);
    }

    /** One mutation of {@code original}; {@code text} chooses line/field mutations most of the time. */
    Mutant mutate(byte[] original, boolean text) {
        if (text && random.nextInt(4) != 0) {
            return textMutation(original);
        }
        return binaryMutation(original);
    }

    private int offset(int length) {
        if (length == 0) {
            return 0;
        }
        return random.nextBoolean() ? random.nextInt(Math.min(length, 4096)) : random.nextInt(length);
    }

    private Mutant binaryMutation(byte[] in) {
        byte[] b = in.clone();
        int n = b.length;
        switch (random.nextInt(9)) {
            case 0: {
                int at = offset(n);
                int bit = random.nextInt(8);
                b[at] ^= (byte) (1 << bit);
                return new Mutant(b, "bit " + bit + " of byte " + at + " flipped");
            }
            case 1: {
                int at = offset(n);
                byte v = new byte[] {0, (byte) 0xFF, 0x7F, (byte) 0x80}[random.nextInt(4)];
                b[at] = v;
                return new Mutant(b, "byte " + at + " set to " + (v & 0xFF));
            }
            case 2:
            case 3: {
                int at = Math.max(0, Math.min(n - 4, offset(n) & ~(random.nextBoolean() ? 3 : 0)));
                int v = INTERESTING_INTS[random.nextInt(INTERESTING_INTS.length)];
                ByteOrder order = random.nextBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
                if (n >= 4) {
                    ByteBuffer.wrap(b).order(order).putInt(at, v);
                }
                return new Mutant(b, "int32 at byte " + at + " set to " + v + " (" + order + ")");
            }
            case 4: {
                int at = Math.max(0, Math.min(n - 8, offset(n)));
                double v = INTERESTING_DOUBLES[random.nextInt(INTERESTING_DOUBLES.length)];
                ByteOrder order = random.nextBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
                if (n >= 8) {
                    if (random.nextBoolean()) {
                        ByteBuffer.wrap(b).order(order).putDouble(at, v);
                    } else {
                        ByteBuffer.wrap(b).order(order).putFloat(at, (float) v);
                    }
                }
                return new Mutant(b, "float/double at byte " + at + " set to " + v);
            }
            case 5: {
                int at = n == 0 ? 0 : random.nextInt(n);
                return new Mutant(Arrays.copyOf(b, at), "truncated to " + at + " bytes");
            }
            case 6: {
                int at = offset(n);
                int len = Math.min(n - at, 1 + random.nextInt(512));
                byte[] out = new byte[n - len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + len, out, at, n - at - len);
                return new Mutant(out, len + " bytes deleted at " + at);
            }
            case 7: {
                int at = offset(n);
                int len = Math.min(n - at, 1 + random.nextInt(512));
                byte[] out = new byte[n + len];
                System.arraycopy(b, 0, out, 0, at + len);
                System.arraycopy(b, at, out, at + len, n - at);
                return new Mutant(out, len + " bytes at " + at + " duplicated");
            }
            default: {
                int at = offset(n);
                int len = 1 + random.nextInt(64);
                byte[] junk = new byte[len];
                random.nextBytes(junk);
                byte[] out = new byte[n + len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(junk, 0, out, at, len);
                System.arraycopy(b, at, out, at + len, n - at);
                return new Mutant(out, len + " random bytes inserted at " + at);
            }
        }
    }

    private Mutant textMutation(byte[] in) {
        String s = new String(in, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
        int n = lines.size();
        int k = random.nextInt(n);
        String what;
        switch (random.nextInt(12)) {
            case 0:
                lines.remove(k);
                what = "line " + (k + 1) + " deleted";
                break;
            case 1:
                lines.add(k, lines.get(k));
                what = "line " + (k + 1) + " duplicated";
                break;
            case 2: {
                int j = random.nextInt(n);
                Collections.swap(lines, k, j);
                what = "lines " + (k + 1) + " and " + (j + 1) + " swapped";
                break;
            }
            case 3: {
                List<String> body = new ArrayList<>(lines.subList(Math.min(1, n), n));
                Collections.shuffle(body, random);
                List<String> out = new ArrayList<>(lines.subList(0, Math.min(1, n)));
                out.addAll(body);
                lines = out;
                what = "lines after the first shuffled";
                break;
            }
            case 4:
                lines.add(k, random.nextBoolean() ? "" : "   ");
                what = "blank line inserted before line " + (k + 1);
                break;
            case 5:
            case 6:
            case 7: {
                String token = INTERESTING_TOKENS[random.nextInt(INTERESTING_TOKENS.length)];
                String line = lines.get(k);
                List<int[]> numbers = numberSpans(line);
                if (numbers.isEmpty()) {
                    lines.set(k, token + line);
                    what = "'" + token + "' prefixed to line " + (k + 1);
                } else {
                    int[] span = numbers.get(random.nextInt(numbers.size()));
                    lines.set(k, line.substring(0, span[0]) + token + line.substring(span[1]));
                    what = "number '" + line.substring(span[0], span[1]) + "' on line " + (k + 1) + " replaced by '" + token + "'";
                }
                break;
            }
            case 8: {
                String line = lines.get(k);
                String sep = line.contains(",") ? "," : line.contains(";") ? ";" : " ";
                List<String> fields = new ArrayList<>(List.of(line.split(java.util.regex.Pattern.quote(sep), -1)));
                if (random.nextBoolean() && fields.size() > 1) {
                    fields.remove(random.nextInt(fields.size()));
                    what = "a field removed from line " + (k + 1);
                } else {
                    fields.add(random.nextInt(fields.size() + 1), "x");
                    what = "a field added to line " + (k + 1);
                }
                lines.set(k, String.join(sep, fields));
                break;
            }
            case 9: {
                String line = lines.get(k);
                int at = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
                lines.set(k, line.substring(0, at) + "\u00ff\u00fe" + line.substring(at));
                what = "bytes 0xFF 0xFE (not UTF-8) inserted on line " + (k + 1);
                break;
            }
            case 10: {
                String line = lines.get(k);
                int at = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
                lines = new ArrayList<>(lines.subList(0, k));
                lines.add(line.substring(0, at));
                what = "cut in the middle of line " + (k + 1);
                break;
            }
            default: {
                String line = lines.get(k);
                lines.set(k, line.replace(",", ";").replace("\t", ","));
                what = "separators changed on line " + (k + 1);
                break;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] joined = String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
        out.write(joined, 0, joined.length);
        return new Mutant(out.toByteArray(), what);
    }

    private static List<int[]> numberSpans(String line) {
        List<int[]> spans = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?").matcher(line);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        return spans;
    }
}
