package io.lessonpack.adapter.aws.dynamodb;

import static io.lessonpack.adapter.aws.dynamodb.Attributes.n;
import static io.lessonpack.adapter.aws.dynamodb.Attributes.s;
import static io.lessonpack.adapter.aws.dynamodb.Attributes.strings;

import io.lessonpack.application.port.out.StoredPackage;
import io.lessonpack.application.port.out.UnreadablePackageException;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.Conversation;
import io.lessonpack.domain.lesson.LessonPackage;
import io.lessonpack.domain.lesson.Notes;
import io.lessonpack.domain.lesson.PackageId;
import io.lessonpack.domain.lesson.WordNote;
import io.lessonpack.domain.word.Language;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A {@link LessonPackage} as an item of the packages table (schema {@code package.v1}), shared with
 * the conversation-package service:
 * <pre>
 * id S · userId S · language S (tag) · name S · schemaVersion S · version N · createdAt S · updatedAt S
 * lessonDate S (YYYY-MM-DD) · author S
 * conversations L of M {kind "review"|"new_lesson", title, instructions, openingWord (reviews), words L of S}
 * notes M {learning S, workOn L of S, words L of M {writing, pronunciation, meaning}}
 * </pre>
 * {@link #attributes} leaves {@code id} out: the package is written with an UpdateItem that SETs
 * exactly these attributes, so attributes another service adds to the item survive, and a package
 * of the original service ({@link ForeignPackageItems}) becomes a current one in place.
 */
final class PackageItems {

    static final String ID = "id";
    static final String USER_ID = "userId";
    static final String LANGUAGE = "language";
    static final String VERSION = "version";
    static final String SCHEMA_VERSION = "schemaVersion";
    static final String USER_LANGUAGE_INDEX = "UserLanguageIndex";

    private PackageItems() {
    }

    static Map<String, AttributeValue> key(PackageId id) {
        return Map.of(ID, s(id.value()));
    }

    /** Every attribute of the item but its key, in a stable order. */
    static Map<String, AttributeValue> attributes(LessonPackage pkg) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(USER_ID, s(pkg.userId().value()));
        item.put(LANGUAGE, s(pkg.language().tag()));
        item.put("name", s(pkg.name()));
        item.put(SCHEMA_VERSION, s(LessonPackage.SCHEMA_VERSION));
        item.put(VERSION, n(pkg.version()));
        item.put("createdAt", s(Instants.iso(pkg.createdAt())));
        item.put("updatedAt", s(Instants.iso(pkg.updatedAt())));
        item.put("lessonDate", s(pkg.lessonDate().toString()));
        item.put("conversations", AttributeValue.fromL(pkg.conversations().stream().map(PackageItems::conversation).toList()));
        item.put("notes", notes(pkg.notes()));
        item.put("author", s(pkg.author()));
        return item;
    }

    /** The whole item, key included. */
    static Map<String, AttributeValue> item(LessonPackage pkg) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key(pkg.id()));
        item.putAll(attributes(pkg));
        return item;
    }

    private static AttributeValue conversation(Conversation c) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("kind", s(ConversationWire.kind(c)));
        m.put("title", s(c.title()));
        m.put("instructions", s(c.instructions()));
        ConversationWire.openingWord(c).ifPresent(w -> m.put("openingWord", s(w)));
        m.put("words", strings(c.words()));
        return AttributeValue.fromM(m);
    }

    private static AttributeValue notes(Notes notes) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("learning", s(notes.learning()));
        m.put("workOn", strings(notes.workOn()));
        m.put("words", AttributeValue.fromL(notes.words().stream()
                .map(w -> AttributeValue.fromM(Map.of("writing", s(w.writing()), "pronunciation", s(w.pronunciation()),
                        "meaning", s(w.meaning()))))
                .toList()));
        return AttributeValue.fromM(m);
    }

    /**
     * Reads a package item: a current one, or one without {@code schemaVersion} written by the
     * original service ({@link ForeignPackageItems}).
     *
     * @throws UnreadablePackageException naming the package id and the faulty attribute when the
     *                                    item is neither a valid {@code package.v1} package nor one
     *                                    of the original shape (a later schema is never adopted)
     */
    static StoredPackage fromItem(String table, Map<String, AttributeValue> item) {
        if (!item.containsKey(SCHEMA_VERSION)) {
            return new StoredPackage.Foreign(ForeignPackageItems.fromItem(table, item));
        }
        return new StoredPackage.Current(currentFromItem(table, item));
    }

    /** Reads a {@code package.v1} item. */
    static LessonPackage currentFromItem(String table, Map<String, AttributeValue> item) {
        String id = Attributes.string(item, ID).orElse("?");
        Reader r = new Reader(table, id, item);
        String schema = r.string(SCHEMA_VERSION);
        if (!LessonPackage.SCHEMA_VERSION.equals(schema)) {
            throw r.unreadable(SCHEMA_VERSION + " is '" + abbreviate(schema) + "', expected " + LessonPackage.SCHEMA_VERSION);
        }
        try {
            List<Conversation> conversations = new ArrayList<>();
            List<AttributeValue> stored = r.list("conversations");
            for (int i = 0; i < stored.size(); i++) {
                conversations.add(r.conversation(i, stored.get(i)));
            }
            return new LessonPackage(PackageId.of(r.string(ID)), UserId.of(r.string(USER_ID)),
                    Language.of(r.string(LANGUAGE)), r.string("name"), r.number(VERSION), r.instant("createdAt"),
                    r.instant("updatedAt"), r.day("lessonDate"), conversations, r.notes(), r.string("author"));
        } catch (UnreadablePackageException e) {
            throw e;
        } catch (RuntimeException e) {
            // The domain's messages name rules and fields, never texts.
            throw r.unreadable("the domain refuses it: " + e.getMessage());
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "..." : value;
    }

    /** Reads attributes of one item, failing with a message that names the item and the attribute. */
    private record Reader(String table, String id, Map<String, AttributeValue> item) {

        UnreadablePackageException unreadable(String what) {
            return new UnreadablePackageException(id, "package item '" + id + "' in table " + table
                    + " is not a valid " + LessonPackage.SCHEMA_VERSION + " package: " + what);
        }

        String string(String name) {
            return Attributes.string(item, name).orElseThrow(() -> unreadable(name + " is missing or not a string"));
        }

        long number(String name) {
            return Attributes.longNumber(item, name).orElseThrow(() -> unreadable(name + " is missing or not a whole number"));
        }

        Instant instant(String name) {
            return Instants.parse(string(name)).orElseThrow(() -> unreadable(name + " is not an ISO-8601 instant"));
        }

        LessonDay day(String name) {
            try {
                return LessonDay.parse(string(name));
            } catch (DateTimeParseException e) {
                throw unreadable(name + " is not a YYYY-MM-DD date");
            }
        }

        List<AttributeValue> list(String name) {
            AttributeValue v = item.get(name);
            if (v == null || !v.hasL()) {
                throw unreadable(name + " is missing or not a list");
            }
            return v.l();
        }

        Conversation conversation(int index, AttributeValue value) {
            String at = "conversations[" + index + "]";
            if (!value.hasM()) {
                throw unreadable(at + " is not a map");
            }
            Map<String, AttributeValue> m = value.m();
            String kind = Attributes.string(m, "kind").orElse("");
            String title = Attributes.string(m, "title").orElseThrow(() -> unreadable(at + ".title is missing"));
            String instructions = Attributes.string(m, "instructions")
                    .orElseThrow(() -> unreadable(at + ".instructions is missing"));
            Optional<String> opening = Attributes.string(m, "openingWord");
            if (ConversationWire.REVIEW.equals(kind) && opening.isEmpty()) {
                throw unreadable(at + ".openingWord is missing on a review");
            }
            return ConversationWire.of(kind, title, instructions, opening.orElse(""), Attributes.stringList(m.get("words")))
                    .orElseThrow(() -> unreadable(at + ".kind is not review or new_lesson"));
        }

        Notes notes() {
            AttributeValue v = item.get("notes");
            if (v == null || !v.hasM()) {
                throw unreadable("notes is missing or not a map");
            }
            Map<String, AttributeValue> m = v.m();
            AttributeValue words = m.get("words");
            List<WordNote> notes = new ArrayList<>();
            if (words != null && words.hasL()) {
                for (int i = 0; i < words.l().size(); i++) {
                    AttributeValue w = words.l().get(i);
                    if (!w.hasM()) {
                        throw unreadable("notes.words[" + i + "] is not a map");
                    }
                    notes.add(new WordNote(Attributes.string(w.m(), "writing").orElse(""),
                            Attributes.string(w.m(), "pronunciation").orElse(""),
                            Attributes.string(w.m(), "meaning").orElse("")));
                }
            }
            return new Notes(Attributes.string(m, "learning").orElse(""), Attributes.stringList(m.get("workOn")), notes);
        }
    }
}
