package dev.baton.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small amount of lexical analysis the engine needs: normalising chat text, splitting it into
 * words, and reducing words to a crude stem so that "refunds", "refunded" and "refund" meet.
 */
public final class Words {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** Function words and chat filler: they say nothing about which question is being asked. */
    private static final Set<String> STOP = Set.copyOf(Arrays.asList((
            "a an the i me my mine myself we us our you your yours he him his she her it its they them their "
            + "is are was were be been being am do does did doing done have has had having to of in on at by for "
            + "with about from into over after before up down out off so and or but if then than too very can "
            + "could would should will shall may might must just not no yes how what whats when where why who "
            + "which whom this that these those there here any some all each other more most much many please "
            + "pls plz hi hello hey hii thanks thank thx ty ok okay im i'm i've ive i'd i'll id ill don't dont "
            + "can't cant won't wont isn't isnt doesn't doesnt didn't didnt it's what's where's how's u ur r "
            + "get got also still like really actually just anyone someone something anything one way need want "
            + "know tell let make yeah oh wait well lol hmm cool nice sure go going gonna wanna there's theres "
            + "again now ever even").split(" ")));

    private Words() {
    }

    /** Lower case, straight quotes, single spaces, compatibility characters folded. */
    public static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201C', '"').replace('\u201D', '"');
        return SPACES.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(normalise(text));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** Stems of the words that carry meaning, in order, repeats kept. */
    public static List<String> contentStems(String text) {
        List<String> stems = new ArrayList<>();
        for (String word : words(text)) {
            if (!STOP.contains(word)) {
                stems.add(stem(word));
            }
        }
        return stems;
    }

    public static boolean isStopWord(String word) {
        return STOP.contains(word);
    }

    /** A deliberately crude suffix stripper: enough to join inflections, never meant to be linguistics. */
    public static String stem(String word) {
        String w = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
        for (String suffix : new String[] {"ing", "ed", "es", "s", "ly"}) {
            if (w.length() > suffix.length() + 2 && w.endsWith(suffix)) {
                return w.substring(0, w.length() - suffix.length());
            }
        }
        return w;
    }
}
