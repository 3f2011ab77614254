package io.lessonpack.adapter.aws.dynamodb;

import io.lessonpack.application.port.out.AuthorUsage;
import io.lessonpack.application.port.out.AuthoredDraft;
import io.lessonpack.domain.lesson.Conversation;
import io.lessonpack.domain.lesson.Notes;
import io.lessonpack.domain.lesson.PackageDraft;
import io.lessonpack.domain.lesson.WordNote;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link AuthoredDraft} as the JSON string stored under a claim ({@code claimDraft}), so that a
 * retry resumes the author's answer instead of paying for another. The draft is stored as the
 * author wrote it, before validation: the retry validates it again.
 *
 * <pre>{@code
 * {"format":"draft.v1","author":"openai:gpt-4o-2024-08-06",
 *  "usage":{"calls":1,"promptTokens":1200,"cachedTokens":0,"completionTokens":400},
 *  "name":"...","conversations":[{"kind":"review","title":"...","instructions":"...",
 *  "openingWord":"...","words":["..."]},{"kind":"new_lesson",...}],
 *  "notes":{"learning":"...","workOn":["..."],"words":[{"writing":"...","pronunciation":"...","meaning":"..."}]}}
 * }</pre>
 */
final class DraftJson {

    static final String FORMAT = "draft.v1";

    record DraftDto(String format, String author, UsageDto usage, String name, List<ConversationDto> conversations,
            NotesDto notes) {
    }

    record UsageDto(int calls, long promptTokens, long cachedTokens, long completionTokens) {
    }

    record ConversationDto(String kind, String title, String instructions, String openingWord, List<String> words) {
    }

    record NotesDto(String learning, List<String> workOn, List<WordNoteDto> words) {
    }

    record WordNoteDto(String writing, String pronunciation, String meaning) {
    }

    private DraftJson() {
    }

    static String toJson(AuthoredDraft authored) {
        PackageDraft draft = authored.draft();
        AuthorUsage u = authored.usage();
        List<ConversationDto> conversations = draft.conversations().stream()
                .map(c -> new ConversationDto(ConversationWire.kind(c), c.title(), c.instructions(),
                        ConversationWire.openingWord(c).orElse(null), c.words()))
                .toList();
        Notes notes = draft.notes();
        NotesDto notesDto = new NotesDto(notes.learning(), notes.workOn(), notes.words().stream()
                .map(w -> new WordNoteDto(w.writing(), w.pronunciation(), w.meaning())).toList());
        return JsonCodec.write(new DraftDto(FORMAT, authored.author(),
                new UsageDto(u.calls(), u.promptTokens(), u.cachedTokens(), u.completionTokens()), draft.name(),
                conversations, notesDto), "stored draft");
    }

    /**
     * Reads a stored draft.
     *
     * @throws IllegalArgumentException when it is not a {@value #FORMAT} draft; the message never
     *                                  holds the draft's text
     */
    static AuthoredDraft fromJson(String json) {
        DraftDto dto = JsonCodec.read(json, DraftDto.class, "stored draft");
        if (!FORMAT.equals(dto.format())) {
            throw new IllegalArgumentException("stored draft is not in format " + FORMAT);
        }
        if (dto.usage() == null) {
            throw new IllegalArgumentException("stored draft has no usage");
        }
        List<Conversation> conversations = new ArrayList<>();
        for (ConversationDto c : nonNull(dto.conversations())) {
            conversations.add(ConversationWire.of(c.kind(), c.title(), c.instructions(), c.openingWord(), c.words())
                    .orElseThrow(() -> new IllegalArgumentException("stored draft has a conversation of unknown kind")));
        }
        NotesDto n = dto.notes();
        Notes notes = n == null ? null : new Notes(n.learning(), n.workOn(), nonNull(n.words()).stream()
                .map(w -> new WordNote(w.writing(), w.pronunciation(), w.meaning())).toList());
        UsageDto u = dto.usage();
        return new AuthoredDraft(new PackageDraft(dto.name(), conversations, notes), dto.author(),
                new AuthorUsage(u.calls(), u.promptTokens(), u.cachedTokens(), u.completionTokens()));
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
