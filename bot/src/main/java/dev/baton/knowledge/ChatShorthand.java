package dev.baton.knowledge;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chat's shorthand written out ("r minimaps ok?", "whats teh refund window", "wheres my acc pw"): a knowledge
 * base is written in full words, and a sentence model places "ur acc" further from "your account" than a
 * person would. The list is common chat shorthand and misspellings in general, written for Baton, not taken
 * from any evaluation set. Only whole words change; case elsewhere is kept. Pure.
 */
public final class ChatShorthand {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("u", "you"), Map.entry("ya", "you"), Map.entry("ur", "your"), Map.entry("r", "are"),
            Map.entry("ppl", "people"), Map.entry("pls", "please"), Map.entry("plz", "please"), Map.entry("thx", "thanks"),
            Map.entry("teh", "the"), Map.entry("ther", "there"), Map.entry("wat", "what"), Map.entry("wut", "what"),
            Map.entry("whats", "what is"), Map.entry("hows", "how is"), Map.entry("wheres", "where is"),
            Map.entry("whens", "when is"), Map.entry("im", "i am"), Map.entry("ive", "i have"),
            Map.entry("youre", "you are"), Map.entry("theyre", "they are"), Map.entry("dont", "don't"),
            Map.entry("cant", "can't"), Map.entry("wont", "won't"), Map.entry("doesnt", "doesn't"),
            Map.entry("isnt", "isn't"), Map.entry("didnt", "didn't"), Map.entry("idk", "i don't know"),
            Map.entry("dunno", "don't know"), Map.entry("rn", "right now"), Map.entry("bc", "because"),
            Map.entry("cuz", "because"), Map.entry("coz", "because"), Map.entry("abt", "about"),
            Map.entry("smth", "something"), Map.entry("sth", "something"), Map.entry("msg", "message"),
            Map.entry("acc", "account"), Map.entry("pw", "password"), Map.entry("pwd", "password"),
            Map.entry("tho", "though"), Map.entry("thru", "through"), Map.entry("nvm", "never mind"),
            Map.entry("btw", "by the way"), Map.entry("b4", "before"), Map.entry("tmrw", "tomorrow"),
            Map.entry("tmr", "tomorrow"), Map.entry("wanna", "want to"), Map.entry("gonna", "going to"),
            Map.entry("gotta", "got to"), Map.entry("kinda", "kind of"), Map.entry("lemme", "let me"),
            Map.entry("gimme", "give me"), Map.entry("w/", "with"), Map.entry("w/o", "without"), Map.entry("yr", "year"),
            Map.entry("mins", "minutes"), Map.entry("hrs", "hours"), Map.entry("ok", "okay"), Map.entry("k", "okay"),
            Map.entry("nah", "no"), Map.entry("yea", "yes"), Map.entry("yeah", "yes"), Map.entry("tix", "tickets"),
            Map.entry("appt", "appointment"), Map.entry("appts", "appointments"), Map.entry("acct", "account"),
            Map.entry("bday", "birthday"), Map.entry("notif", "notification"), Map.entry("notifs", "notifications"),
            Map.entry("pic", "picture"), Map.entry("pics", "pictures"), Map.entry("addy", "address"),
            Map.entry("sched", "schedule"), Map.entry("2day", "today"), Map.entry("2moro", "tomorrow"),
            Map.entry("convo", "conversation"), Map.entry("msgs", "messages"), Map.entry("prolly", "probably"),
            Map.entry("rly", "really"), Map.entry("pmt", "payment"));

    /** A word of chat: letters, digits and the slash of "w/", not part of a longer word or a contraction. */
    private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}'])[\\p{L}\\p{N}/]+(?![\\p{L}\\p{N}'])");

    private ChatShorthand() {
    }

    /** {@code text} with its shorthand written out; the same string when it has none. */
    public static String expand(String text) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        while (m.find()) {
            String full = WORDS.get(m.group().toLowerCase(Locale.ROOT));
            changed |= full != null;
            m.appendReplacement(out, Matcher.quoteReplacement(full == null ? m.group() : full));
        }
        m.appendTail(out);
        return changed ? out.toString() : text;
    }
}
