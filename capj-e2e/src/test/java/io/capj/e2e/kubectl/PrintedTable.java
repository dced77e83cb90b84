package io.capj.e2e.kubectl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * kubectl's column output ({@code get}, {@code api-resources}) read back into rows. Columns are located by
 * the start of each header name, as kubectl's tab writer aligns every cell under its header; that keeps
 * cells containing spaces (such as the VERBS column) intact. Header names are separated by at least two
 * spaces (the tab writer pads with three), so a name may contain single spaces ({@code NODE NAME}).
 */
public final class PrintedTable {
    private final List<String> headers;
    private final List<Map<String, String>> rows;

    private PrintedTable(List<String> headers, List<Map<String, String>> rows) {
        this.headers = headers;
        this.rows = rows;
    }

    /** Parses the output of a kubectl command printing a table with a header line. */
    public static PrintedTable parse(String output) {
        List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new AssertionError("expected a table but kubectl printed nothing");
        }
        String header = lines.get(0);
        List<String> names = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < header.length(); i++) {
            boolean startsName = header.charAt(i) != ' '
                    && (i == 0 || header.charAt(i - 1) == ' ' && (i == 1 || header.charAt(i - 2) == ' '));
            if (startsName) {
                int end = header.indexOf("  ", i);
                names.add(header.substring(i, end < 0 ? header.length() : end).strip());
                starts.add(i);
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < names.size(); c++) {
                int from = Math.min(starts.get(c), line.length());
                int to = c + 1 < names.size() ? Math.min(starts.get(c + 1), line.length()) : line.length();
                row.put(names.get(c), line.substring(from, to).strip());
            }
            rows.add(row);
        }
        return new PrintedTable(List.copyOf(names), List.copyOf(rows));
    }

    /** The column names, in printed order. */
    public List<String> headers() {
        return headers;
    }

    public List<Map<String, String>> rows() {
        return rows;
    }

    /** The first row whose {@code column} is exactly {@code value}. */
    public Optional<Map<String, String>> row(String column, String value) {
        return rows.stream().filter(row -> value.equals(row.get(column))).findFirst();
    }
}
