package dev.baton.repeats;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kinds of detail a person asks a customer for. Each has two recognisers: one for a question that asks
 * for it ("what's your order number?") and one for a customer message that gives it ("order LP-48213").
 * They are hand-written, not learned: what an order number or an email looks like is known, and a regular
 * expression says it more precisely than the few examples a tuning set holds. The learned part decides how
 * much a match counts.
 */
enum Slot {
    ORDER(ask("\\b(order|invoice|transaction|reference|ref|serial|booking|ticket|case|student|account|customer|member)"
                    + "\\s*(number|no\\.?|#|id|code)\\b|\\bserial\\b|\\border\\s*(id|#)|\\breceipt number\\b"),
            value("(?<![\\w@.-])(?![\\w.-]*@)(?=[a-z0-9]*[-.][a-z0-9])(?=[a-z0-9.-]*\\d)[a-z]{1,5}[a-z0-9]*(?:[-.][a-z0-9]+)+\\b"
                    + "|#\\s?\\d{3,}\\b|(?<![\\d.,$£€])\\b\\d{5,}(?:-[a-z0-9]+)*\\b|\\b\\d{4}-[a-z0-9]+\\b")),
    CARD(ask("\\b(last|final) (4|four) digits\\b|\\bcard number\\b|\\bending in\\b"),
            value("\\b(digits|ending|ends|card)\\b[^.?!]{0,25}\\b\\d{4}\\b")),
    EMAIL(ask("\\be-?mail\\b"),
            value("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+")),
    VERSION(ask("\\bversion\\b|\\b(which|what) (release|build)\\b|\\b(ios|android|macos|windows|firefox|chrome|safari)\\s*\\d+"),
            value("(?<![\\d.,$£€])\\b\\d{1,3}\\.\\d{1,3}(?:\\.\\d+)+\\b|\\bversion\\s*\\d+(?:\\.\\d+)*"
                    + "|\\bv\\d+(?:\\.\\d+)+|\\b(?:ios|android|macos|windows|firefox|chrome|safari|sonoma|ventura)\\s*\\d+(?:\\.\\d+)*")),
    AMOUNT(ask("\\bhow much\\b|\\bamount\\b|\\b(what|which) (was|were) the (charges?|payments?|prices?)\\b|\\bprice\\b|\\bcost\\b"),
            value("[$£€]\\s?\\d[\\d,]*(?:\\.\\d+)?|\\b\\d[\\d,]*(?:\\.\\d+)?\\s?(?:dollars?|euros?|eur|usd|gbp|pounds?|quid|bucks)\\b")),
    DATE(ask("\\bwhen (did|was|were|had|have|exactly|is|does|do)\\b|^\\W*when\\b|\\b(what|which) (date|day|time)s?\\b"
                    + "|\\bdate (of|did|was|when)\\b|\\bhow long ago\\b"),
            value("\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\s+\\d{1,2}\\b"
                    + "|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\b"
                    + "|\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight)\\b"
                    + "|\\blast (week|night|month|year)\\b|\\bthis (morning|week|month)\\b|\\bon the \\d{1,2}(?:st|nd|rd|th)\\b"
                    + "|\\b\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?\\b|\\b\\d+\\s*(?:days?|weeks?|hours?|h|mins?|minutes?) ago\\b"
                    + "|\\b(january|february|march|april|june|july|august|september|october|november|december)\\b")),
    DEVICE(ask("\\b(which|what|what kind of|what type of)\\b[^?.]{0,25}\\b(device|phone|computer|laptop|model|printer"
                    + "|browser|operating system|os|platform|console|tablet)\\b|\\b(are you|you're|is it) (on|using|running)\\b"
                    + "[^?]{0,30}\\b(android|iphone|ios|windows|mac|pc|chrome|firefox|safari|laptop|tablet)\\b(?!\\s*\\d)"
                    + "|\\b(device|phone|printer|browser|computer)s? (are|do|did|were) you\\b"),
            value("\\b(iphone|ipad|android|samsung|galaxy|pixel|oneplus|xiaomi|huawei|motorola|windows|macbook|mac|macos"
                    + "|imac|linux|ubuntu|chromebook|firefox|chrome|safari|edge|opera|brave|ios|playstation|ps[45]|xbox"
                    + "|kindle|model|printer|laptop|desktop|pc)\\b")),
    USERNAME(ask("\\b(user ?name|in-game name|ign|account name|handle|nickname|gamertag|login name|display name)\\b"),
            value("\\b(?:username|user name|ign|gamertag|handle|nick)\\s*(?:is|:)?\\s*@?\\w+|\\b[a-z]+\\w*_\\w+\\b")),
    WEBSITE(ask("\\b(domain|url|website|web address|link)\\b|\\b(which|what)\\b[^?]{0,20}\\bsite\\b"),
            value("(?<![\\w@.-])(?:https?://)?[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|co|org|net|io|gg|de|uk|app|dev|shop|store|me)\\b")),
    PHONE(ask("\\b(phone|mobile|cell|contact) number\\b|\\bwhich number\\b|\\bnumber\\b[^?]{0,20}\\b(affected|ported|account)\\b"),
            value("(?<![\\w-])\\+?\\d[\\d ]{8,}\\d\\b")),
    PLAN(ask("\\b(which|what) (plan|subscription|tier|package)\\b|\\bplan (are|were) you\\b"),
            value("\\b\\w+ (?:plan|tier|subscription)\\b|\\b(?:plus|premium|family|business|basic|starter|enterprise)\\b")),
    LOCATION(ask("\\bwhere (are|were) you\\b|\\b(country|region|located|location|city|server)\\b"),
            value("\\b(?:i'?m|i am|living|based|located) in [a-z]+|\\b(?:eu|us|na|asia)[- ]?(?:west|east|north|south|central)?\\b"
                    + "|\\b(?:poland|germany|france|spain|italy|netherlands|uk|england|ireland|usa|canada|mexico|brazil"
                    + "|india|japan|china|australia|sweden|norway|denmark|portugal|lisbon|berlin|london|paris)\\b")),
    ADDRESS(ask("\\b(delivery|postal|home|shipping|street) address\\b|(?<!e-?mail )\\baddress\\b(?! is)"),
            value("\\b\\d+[a-z]?\\s+[a-z]+\\s+(?:street|st|road|rd|avenue|ave|lane|ln|way|drive|dr|close|place)\\b")),
    ERROR(ask("\\berror\\b|\\bwhat does (it|the \\w+) (say|show|do)\\b|\\bwhat happens\\b|\\bwhat do you see\\b"
                    + "|\\b(message|code) (do|does) (you|it)\\b|\\bwhat (message|code)\\b"),
            value("\"[^\"]{3,}\"|\\b[a-z]{1,3}-?\\d{2,4}\\b|\\b[45]\\d\\d\\b|\\b(error|says|shows|message|blinks|blinking"
                    + "|flashing|spinning|crash(es|ed)?|freezes)\\b")),
    REASON(ask("\\bwhy\\b|\\b(what|which) (is|was) the (reason|problem|issue)\\b|\\bwhat('s| is) (wrong|the matter)\\b"),
            value("\\b(because|by mistake|by accident|accidentally|mistakenly|wrong|instead of|didn't mean|don't need"
                    + "|no longer|never (got|received|arrived)|broken|damaged|not working|doesn't work|won't)\\b")),
    TRIED(ask("\\b(have|did) you (already )?(tried|try)\\b|\\b(could|can|would) you (please )?(try|restart|reinstall|clear"
                    + "|reconnect|disconnect|reboot|update|log out|power cycle)|\\btry (restarting|reinstalling|clearing"
                    + "|turning|disconnecting|reconnecting|updating|rebooting|logging)\\b|\\bpower cycl|\\bwhat have you tried\\b"
                    + "|\\b(have|did) you (restart|reinstall|clear|reconnect|reboot|update|clean)"),
            value("\\b(tried|already|reinstall(ed)?|re-installed|restart(ed)?|reboot(ed)?|cleared|clean(ed)?|reconnect(ed)?"
                    + "|turned it off and on|power cycled?|switch(ed|ing)?|updated|logged out)\\b"));

    /**
     * For "have you tried …?": a customer who tried something else has not been asked again. Each family is one
     * remedy in its usual wordings; the question and the earlier message must name the same one.
     */
    private static final Pattern[] REMEDIES = {
            value("\\b(restart|reboot|power cycl|turn(ed|ing)? (it )?off|switch(ed|ing)? (it )?off)"),
            value("\\b(re-?install|uninstall)"),
            value("\\b(clear|cleared|clearing)\\b[^.?!]{0,20}\\b(cache|data|cookies)"),
            value("\\b(re-?connect|disconnect|connect(ing)? it again|log(ged|ging)? out)"),
            value("\\b(switch|change|chang)[a-z]*\\b[^.?!]{0,30}\\b(protocol|server|network|wireguard|openvpn)"),
            value("\\bclean(ed|ing)?\\b[^.?!]{0,25}\\b(head|nozzle)|\\bhead cleaning\\b"),
            value("\\bupdat(e|ed|ing)\\b"),
    };
    /**
     * "Which macOS version …?" asks for the version of one system: the version of the app the customer gave
     * does not answer it, only one given for that same system does.
     */
    private static final String SYSTEMS = "(ios|ipados|android|macos|windows|linux|ubuntu|firefox|chrome|safari|edge"
            + "|sonoma|ventura|sequoia|firmware)";
    private static final Pattern SYSTEM_VERSION_ASK = value("\\b" + SYSTEMS + "\\b[^?.]{0,15}\\bversion\\b|\\bversion of (the )?"
            + SYSTEMS + "\\b|\\b" + SYSTEMS + "\\s*\\d");
    private static final Pattern ASK_ANY_REMEDY = value("\\bwhat have you (already )?tried\\b|\\btried anything\\b");

    private final Pattern asks;
    private final Pattern gives;

    Slot(Pattern asks, Pattern gives) {
        this.asks = asks;
        this.gives = gives;
    }

    /** The details a question or request asks for. */
    static Set<Slot> askedIn(String question) {
        String text = question.toLowerCase(Locale.ROOT);
        Set<Slot> slots = EnumSet.noneOf(Slot.class);
        for (Slot slot : values()) {
            if (slot.asks.matcher(text).find()) {
                slots.add(slot);
            }
        }
        if (slots.contains(VERSION)) {
            // "Which Android version is the Pixel on?" names the device to ask for its version.
            slots.remove(DEVICE);
        }
        return slots;
    }

    /** Whether the customer's earlier message already gives what {@code question} asks for. */
    static boolean answered(String question, String earlier) {
        String text = earlier.toLowerCase(Locale.ROOT);
        String asked = question.toLowerCase(Locale.ROOT);
        for (Slot slot : askedIn(question)) {
            boolean given = switch (slot) {
                case TRIED -> triedAlready(asked, text);
                case VERSION -> versionGiven(asked, text);
                default -> slot.gives.matcher(text).find();
            };
            if (given) {
                return true;
            }
        }
        return false;
    }

    /**
     * The exact values a message gives (order numbers, emails, versions, amounts, phone numbers, web
     * addresses, usernames), normalised: two messages sharing one talk about the same thing.
     */
    static Set<String> values(String message) {
        String text = message.toLowerCase(Locale.ROOT);
        Set<String> found = new LinkedHashSet<>();
        for (Slot slot : EnumSet.of(ORDER, EMAIL, VERSION, AMOUNT, PHONE, WEBSITE, USERNAME)) {
            Matcher m = slot.gives.matcher(text);
            while (m.find()) {
                found.add(bare(m.group()));
            }
        }
        found.remove("");
        return found;
    }

    /** "Username: Shadow_Fox" and "shadow_fox" are the same value: keep letters, digits, @ and dots. */
    private static String bare(String value) {
        return value.replaceFirst("^(username|user name|ign|gamertag|handle|nick)\\s*(is|:)?\\s*@?", "")
                .replaceAll("[^\\p{L}\\p{N}@.]", "");
    }

    private static boolean versionGiven(String question, String earlier) {
        Matcher system = SYSTEM_VERSION_ASK.matcher(question);
        if (!system.find()) {
            return VERSION.gives.matcher(earlier).find();
        }
        String name = system.group(1) != null ? system.group(1) : system.group(3) != null ? system.group(3) : system.group(4);
        return Pattern.compile("\\b" + name + "\\s*v?\\d").matcher(earlier).find();
    }

    private static boolean triedAlready(String question, String earlier) {
        if (ASK_ANY_REMEDY.matcher(question).find()) {
            return TRIED.gives.matcher(earlier).find();
        }
        for (Pattern remedy : REMEDIES) {
            if (remedy.matcher(question).find() && remedy.matcher(earlier).find()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern ask(String regex) {
        return Pattern.compile(regex);
    }

    private static Pattern value(String regex) {
        return Pattern.compile(regex);
    }
}
