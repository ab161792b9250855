package dev.vzbridge.shell;

/** "Did you mean" suggestions for mistyped command names. */
final class Spelling {
    private Spelling() {
    }

    /** Close enough to be a typo: a prefix of at least 3 letters, or at most 2 edits apart. */
    static boolean near(String typed, String known) {
        if (typed.length() >= 3 && known.startsWith(typed)) return true;
        return distance(typed, known) <= Math.min(2, known.length() / 3);
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
