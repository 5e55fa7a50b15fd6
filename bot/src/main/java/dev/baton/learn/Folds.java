package dev.baton.learn;

/**
 * Which of k folds a text falls in, from the text itself: the same text (a duplicate in two sources)
 * always lands in the same fold, so a model is never scored on a sentence it was trained on.
 */
public final class Folds {

    private Folds() {
    }

    public static int of(String text, int k) {
        // FNV-1a over the characters: stable across runs and Java versions, unlike String.hashCode's
        // use in hashed collections (which is stable too, but says nothing about spread).
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return (int) Math.floorMod(h, (long) k);
    }
}
