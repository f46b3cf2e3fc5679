// Reads cases (before, after, key=value expectations) and checks them with java.util.Properties, the
// parser Gradle uses for gradle.properties. Input: a directory of N.before / N.after / N.expect files.
import java.io.*;
import java.nio.file.*;
import java.util.*;

public class PropertiesOracle {
    static Properties load(Path p) throws IOException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(p)) { props.load(in); }
        return props;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(args[0]);
        int n = Integer.parseInt(args[1]);
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            Properties before = load(dir.resolve(i + ".before"));
            Properties after = load(dir.resolve(i + ".after"));
            Properties expect = load(dir.resolve(i + ".expect"));
            String result = "ok";
            for (String k : expect.stringPropertyNames()) {
                if (!expect.getProperty(k).equals(after.getProperty(k))) result = "key " + k + " = " + after.getProperty(k);
            }
            for (String k : before.stringPropertyNames()) {
                if (!expect.containsKey(k) && !Objects.equals(before.getProperty(k), after.getProperty(k))) result = "unrelated key changed: " + k;
            }
            for (String k : after.stringPropertyNames()) {
                if (!expect.containsKey(k) && !before.containsKey(k)) result = "unexpected key: " + k;
            }
            out.append(i == 0 ? "" : ",").append('"').append(result.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        System.out.println(out.append("]"));
    }
}
