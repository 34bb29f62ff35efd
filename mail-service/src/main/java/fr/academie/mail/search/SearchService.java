package fr.academie.mail.search;

import fr.academie.mail.config.MailConfig;
import fr.academie.mail.folder.Folder;
import fr.academie.mail.folder.SystemFolder;
import fr.academie.mail.message.Message;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.text.Normalizer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Search over one person's messages, in every folder or one: PostgreSQL full-text search (configuration
 * portail_fr, GIN index) for the free text, plain conditions for the operators. With free text, results come
 * by relevance then date; without, by date.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SearchService {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Map<String, SystemFolder> FOLDER_NAMES = Map.ofEntries(
            Map.entry("inbox", SystemFolder.INBOX), Map.entry("reception", SystemFolder.INBOX),
            Map.entry("boite de reception", SystemFolder.INBOX), Map.entry("sent", SystemFolder.SENT),
            Map.entry("envoyes", SystemFolder.SENT), Map.entry("drafts", SystemFolder.DRAFTS),
            Map.entry("brouillons", SystemFolder.DRAFTS), Map.entry("archive", SystemFolder.ARCHIVE),
            Map.entry("archives", SystemFolder.ARCHIVE), Map.entry("junk", SystemFolder.JUNK),
            Map.entry("spam", SystemFolder.JUNK), Map.entry("indesirables", SystemFolder.JUNK),
            Map.entry("trash", SystemFolder.TRASH), Map.entry("corbeille", SystemFolder.TRASH));

    /** A page of hits: the messages and, for each, the matching passage ({@code \u0002}/{@code \u0003} around matches). */
    public record Hits(List<Message> messages, Map<UUID, String> headlines, boolean more) {
    }

    /** In the WHERE clause rather than a FROM item, so that the planner sees the words and estimates their frequency. */
    private static final String TSQUERY = "websearch_to_tsquery('portail_fr', :text)";
    private static final String NEWEST = " order by m.received_at desc, m.id desc";

    private final int ranked;

    public SearchService(MailConfig config) {
        this.ranked = config.search().ranked();
    }

    /** Empty when {@code folderId} is given and is not one of the owner's folders. */
    public Optional<Hits> search(String ownerId, SearchQuery query, UUID folderId, int offset, int limit) {
        UUID folder = folderId;
        if (folder != null && Folder.ofOwner(ownerId, folder).isEmpty()) {
            return Optional.empty();
        }
        if (query.in() != null) {
            Optional<UUID> named = folderNamed(ownerId, query.in());
            if (named.isEmpty() || (folder != null && !folder.equals(named.get()))) {
                return Optional.of(new Hits(List.of(), Map.of(), false));
            }
            folder = named.get();
        }
        // every query names the owner, so that a table partitioned by owner is read in her partition alone; the
        // statistics message_folder_owner tell the planner that a folder has one owner (without them it multiplied two
        // selectivities that are one, and ranked all 80,000 matches of a common word instead of walking the folder)
        StringBuilder where = new StringBuilder(" from message m where m.owner_id = :owner");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("owner", ownerId);
        if (folder != null) {
            where.append(" and m.folder_id = :folder");
            parameters.put("folder", folder);
        }
        if (query.hasText()) {
            where.append(" and m.search @@ ").append(TSQUERY);
            parameters.put("text", query.text());
        }
        conditions(query, where, parameters);
        List<UUID> ids = matches(where.toString(), parameters, query.hasText(), offset, limit + 1);
        boolean more = ids.size() > limit;
        List<UUID> page = more ? ids.subList(0, limit) : ids;
        Map<UUID, Message> byId = Message.<Message>list("ownerId = ?1 and id in ?2", ownerId, page).stream()
                .collect(Collectors.toMap(m -> m.id, m -> m));
        List<Message> messages = page.stream().map(byId::get).toList();
        return Optional.of(new Hits(messages, query.hasText() ? headlines(ownerId, page, query.text()) : Map.of(), more));
    }

    /**
     * Rows {@code [offset, offset + wanted)} of the matches: with free text, the newest ones
     * ({@code mail.search.ranked}) by relevance, then the older ones by date; without, all by date.
     */
    private List<UUID> matches(String where, Map<String, Object> parameters, boolean text, int offset, int wanted) {
        List<UUID> ids = new ArrayList<>();
        if (text && offset < ranked) {
            ids.addAll(ids("select id from (select m.id, m.received_at, m.search" + where + NEWEST + " limit " + ranked
                    + ") recent order by ts_rank_cd(search, " + TSQUERY + ") desc, received_at desc, id desc",
                    parameters, offset, Math.min(wanted, ranked - offset)));
            if (offset + ids.size() < ranked) {
                return ids; // the window was not full: every match is in it
            }
        }
        if (ids.size() < wanted) {
            ids.addAll(ids("select m.id" + where + NEWEST, parameters, text ? Math.max(offset, ranked) : offset,
                    wanted - ids.size()));
        }
        return ids;
    }

    private static List<UUID> ids(String sql, Map<String, Object> parameters, int offset, int limit) {
        Query select = Panache.getEntityManager().createNativeQuery(sql + " offset " + offset + " limit " + limit);
        parameters.forEach(select::setParameter);
        return select.getResultList().stream().map(UUID.class::cast).toList();
    }

    private static void conditions(SearchQuery query, StringBuilder sql, Map<String, Object> parameters) {
        int n = 0;
        for (String from : query.from()) {
            sql.append(" and (m.sender_address ilike :from").append(n).append(" or m.sender_name ilike :from").append(n).append(')');
            parameters.put("from" + n++, like(from));
        }
        for (String to : query.to()) {
            sql.append(" and m.recipients::text ilike :to").append(n);
            parameters.put("to" + n++, like(to));
        }
        for (String subject : query.subject()) {
            sql.append(" and to_tsvector('portail_fr', m.subject) @@ plainto_tsquery('portail_fr', :subject").append(n).append(')');
            parameters.put("subject" + n++, subject);
        }
        for (String label : query.labels()) {
            sql.append(" and exists (select 1 from message_label ml join label l on l.id = ml.label_id")
                    .append(" where ml.message_id = m.id and lower(l.name) = lower(:label").append(n).append("))");
            parameters.put("label" + n++, label);
        }
        if (query.hasAttachment()) {
            sql.append(" and m.has_attachments");
        }
        if (query.unread() != null) {
            sql.append(" and m.unread = :unread");
            parameters.put("unread", query.unread());
        }
        if (query.flagged()) {
            sql.append(" and m.flagged");
        }
        if (query.before() != null) {
            sql.append(" and m.received_at < :before");
            parameters.put("before", query.before().atStartOfDay(PARIS).toInstant());
        }
        if (query.after() != null) {
            sql.append(" and m.received_at >= :after");
            parameters.put("after", query.after().atStartOfDay(PARIS).toInstant());
        }
        if (query.largerThan() != null) {
            sql.append(" and m.size_bytes > :larger");
            parameters.put("larger", query.largerThan());
        }
    }

    /** The passage of each message where the words are, marked (computed for the page only). */
    private static Map<UUID, String> headlines(String ownerId, List<UUID> ids, String text) {
        Map<UUID, String> headlines = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return headlines;
        }
        List<?> rows = Panache.getEntityManager().createNativeQuery("""
                        select m.id, ts_headline('portail_fr', m.subject || ' — ' || left(coalesce(m.body_text, m.search_text, ''), 20000),
                               websearch_to_tsquery('portail_fr', :text),
                               'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=30, MinWords=10, MaxFragments=2')
                        from message m where m.owner_id = :owner and m.id in (:ids)""")
                .setParameter("text", text).setParameter("owner", ownerId).setParameter("ids", ids).getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            headlines.put((UUID) r[0], (String) r[1]);
        }
        return headlines;
    }

    private static Optional<UUID> folderNamed(String ownerId, String name) {
        String wanted = plain(name);
        SystemFolder role = FOLDER_NAMES.get(wanted);
        List<Folder> folders = new ArrayList<>(Folder.ofOwner(ownerId));
        return folders.stream()
                .filter(f -> (role != null && f.systemRole == role) || plain(f.name).equals(wanted))
                .map(f -> f.id).findFirst();
    }

    /** Lower case, without accents: how a name typed in a hurry compares. */
    static String plain(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
    }

    private static String like(String value) {
        return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
