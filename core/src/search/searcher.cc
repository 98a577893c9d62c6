/** @file
 *  @brief Matching, ranking, facets, dossiers and result assembly.
 */
#include "agora/search/searcher.h"

#include "agora/index/doc_data.h"
#include "agora/index/entity_terms.h"
#include "agora/index/layout.h"
#include "agora/limits.h"
#include "agora/schema.h"
#include "agora/search/date_range.h"
#include "agora/search/facet_spy.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <future>
#include <map>
#include <mutex>
#include <system_error>
#include <unordered_map>

namespace agora {
namespace {

// Xapian's message with the system's reason when there is one ("Couldn't connect (Connection refused)").
std::string reason(const Xapian::Error& e) {
    std::string out = e.get_msg();
    if (const char* why = e.get_error_string(); why && *why) out += std::string(" (") + why + ")";
    return out;
}

// Metadata of the first database, or "" when it cannot be read (a remote shard that stopped: the
// search itself reports that).
std::string guarded_metadata(const Xapian::Database& db, const std::string& key) {
    try {
        return db.get_metadata(key);
    } catch (const Xapian::Error&) {
        return {};
    }
}

// Xapian's spelling suggestions within this edit distance.
constexpr unsigned kSpellingEditDistance = 2;

constexpr EntityKind kFacetKinds[] = {EntityKind::country, EntityKind::person, EntityKind::organisation};

std::vector<FacetValue>& facet_of(Facets& facets, EntityKind kind) {
    switch (kind) {
        case EntityKind::country: return facets.country;
        case EntityKind::person: return facets.person;
        case EntityKind::organisation: return facets.organisation;
    }
    return facets.country;
}

// Language name for the lang facet, from ICU, in the interface language.
std::string language_label(const std::string& code, Lang ui) {
    icu::UnicodeString name;
    icu::Locale(code.c_str()).getDisplayLanguage(icu::Locale(std::string(lang_code(ui)).c_str()), name);
    std::string out;
    name.toUTF8String(out);
    return out.empty() ? code : out;
}

// BM25 ranking, or newest first (undated last) with relevance breaking ties.
Xapian::Enquire make_enquire(const Xapian::Database& db, const Xapian::Query& query, SearchRequest::Sort sort) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    if (sort == SearchRequest::Sort::date) enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
    return enquire;
}

// The exact total of a query, and its facet counts when asked: a pass with BoolWeight, which only walks
// the posting lists, in any docid order, feeding the facet spy.
struct Counted {
    Xapian::doccount total = 0;
    std::unique_ptr<FacetCodeSpy> spy;
};

Counted count_matches(const Xapian::Database& db, const Xapian::Query& query, bool facets) {
    Counted counted;
    Xapian::Enquire counting(db);
    counting.set_query(query);
    counting.set_weighting_scheme(Xapian::BoolWeight());
    counting.set_docid_order(Xapian::Enquire::DONT_CARE);
    // One spy on the facet slot counts every field at once; remote shards run it as a stock
    // ValueCountMatchSpy, which xapian-tcpsrv knows, and Xapian merges their counts.
    if (facets) {
        counted.spy = std::make_unique<FacetCodeSpy>(schema::kSlotFacets);
        counting.add_matchspy(counted.spy.get());
    }
    counted.total = counting.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
    return counted;
}

}  // namespace

/// Another handle on the databases the search uses, for a helper thread: the one that counts matches
/// while the calling thread ranks, and (over remote shards) the one that fetches the page's documents
/// while the calling thread makes snippets. Xapian's objects are not shared between threads: each
/// thread has its own databases, and a query crosses as its serialisation.
struct Searcher::Helper {
    Xapian::Database db;
    Xapian::Registry registry;  ///< what Query::unserialise needs (the stock classes)
    /// The Searcher's revision_ when db was last opened or reopened. The calling thread reopens before
    /// every query; a helper reopens only when that reopen found a change since its own (over remote
    /// shards a reopen is a round trip to each). Unchanged means the helper is at the calling thread's
    /// revision: it reopened after the calling thread last did, and nothing was committed since.
    std::uint64_t revision = 0;
    static constexpr std::uint64_t kStale = ~std::uint64_t{0};  ///< reopen before the next use

    /// Reopens db unless it is at @p current.
    void catch_up(std::uint64_t current) {
        if (revision == current) return;
        revision = kStale;  // if the reopen fails, the next query tries again
        db.reopen();
        revision = current;
    }
};

namespace {

/// The stored data of a page's documents, filled in rank order by the fetching thread.
struct Prefetch {
    std::mutex mutex;
    std::condition_variable ready;
    std::vector<std::optional<std::string>> data;  ///< nullopt: not fetched (the caller fetches it)
    std::size_t done = 0;                          ///< entries filled, in order
};

}  // namespace

/// One database a stub lists, opened on its own so that a shard that fails can be left out.
struct Searcher::Part {
    StubEntry entry;
    Xapian::Database db;
    bool up = false;
};

Searcher::Searcher(const std::string& db_path, SearchOpenOptions options)
    : db_path_(db_path), open_options_(options) {
    std::error_code ec;
    if (!std::filesystem::exists(db_path, ec)) {
        throw SearchOpenError("no index at " + db_path + ": build one with agora-index --db " + db_path +
                              " FOLDER");
    }
    const std::string stub = stub_file_for(db_path);
    if (stub.empty()) {
        try {
            db_ = Xapian::Database(db_path);
        } catch (const Xapian::Error& e) {
            throw SearchOpenError("cannot open index " + db_path + ": " + e.get_msg());
        }
    } else {
        std::vector<StubEntry> entries;
        try {
            entries = read_stub(stub);
        } catch (const StubError& e) {
            throw SearchOpenError(e.what());
        }
        for (StubEntry& entry : entries) {
            Part part{std::move(entry), {}, false};
            try {
                part.db = open_entry(part.entry, options.remote_timeout_ms);
                part.up = true;
                db_.add_database(part.db);
            } catch (const Xapian::Error& e) {
                const std::string where = stub + ":" + std::to_string(part.entry.line);
                if (!options.allow_partial) {
                    throw SearchOpenError("cannot open shard " + part.entry.label() + " (" + where + "): " +
                                          reason(e) + "; search the other shards with --allow-partial");
                }
                unavailable_.push_back({part.entry.label(), reason(e)});
            }
            parts_.push_back(std::move(part));
        }
        if (db_.size() == 0) throw SearchOpenError("no shard of " + stub + " could be opened");
    }
    // The catalog (or the only database) says which schema wrote the index; another one's facet
    // slot or terms would answer wrongly, not fail.
    const std::string version = guarded_metadata(db_, std::string(schema::kMetaSchemaVersion));
    if (!version.empty() && version != schema::kSchemaVersion) {
        throw SearchOpenError("index " + db_path + " was written by another version of Agora (schema " + version +
                              "); build it again with agora-index --db " + db_path + " --rebuild FOLDER");
    }
    builder_.set_entities(&entities_);
    snippets_.set_name_keyer(&entities_.extractor().keyer());
}

Searcher::~Searcher() = default;

// Runs @p f, reopening the database first and retrying when the indexer's commit invalidated our
// revision, or (with allow_partial) without a remote shard that stopped answering.
template <typename F>
auto Searcher::guarded(F&& f) {
    for (int attempt = 0;; ++attempt) {
        try {
            if (db_.reopen()) {
                ++revision_;
                entities_.clear_cache();
            }
            return f();
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= 2) throw;
        } catch (const Xapian::NetworkError& e) {
            if (attempt >= 2 || !drop_failed_shards(e)) throw;
        }
    }
}

// Asks each remote shard whether it still answers. Without allow_partial, names the first that does
// not; with it, searches on over the others. False when every shard answers (the error was another).
bool Searcher::drop_failed_shards(const Xapian::Error& error) {
    bool dropped = false;
    for (Part& part : parts_) {
        if (!part.up || part.entry.kind == StubEntry::Kind::local) continue;
        try {
            part.db.keep_alive();
        } catch (const Xapian::Error& e) {
            if (!open_options_.allow_partial) {
                throw ShardUnavailableError("shard " + part.entry.label() + " stopped answering (" +
                                            reason(e) + "); search the other shards with --allow-partial");
            }
            part.up = false;
            dropped = true;
            unavailable_.push_back({part.entry.label(), reason(e)});
        }
    }
    if (!dropped) return false;
    Xapian::Database remaining;
    for (const Part& part : parts_) {
        if (part.up) remaining.add_database(part.db);
    }
    if (remaining.size() == 0) {
        throw ShardUnavailableError("no shard answers: " + reason(error));
    }
    db_ = remaining;
    counter_ = {};  // opened again on the shards that answer (no helper thread runs now)
    fetcher_ = {};
    entities_.clear_cache();
    return true;
}

// A helper thread's handle in @p slot, opened on first use on the databases this thread searches (the
// shards that answer). Null when helper threads are off, or when the databases cannot be opened
// again (then this thread does the work, as before).
Searcher::Helper* Searcher::helper(HelperSlot& slot) {
    if (!open_options_.parallel_count || slot.failed) return nullptr;
    if (slot.helper) return slot.helper.get();
    auto helper = std::make_unique<Helper>();
    try {
        if (parts_.empty()) {
            helper->db = Xapian::Database(db_path_);
        } else {
            for (const Part& part : parts_) {
                if (part.up) helper->db.add_database(open_entry(part.entry, open_options_.remote_timeout_ms));
            }
        }
    } catch (const Xapian::Error&) {
        slot.failed = true;
        return nullptr;
    }
    helper->revision = revision_;  // opened after this query's reopen of db_
    slot.helper = std::move(helper);
    return slot.helper.get();
}

// The page-fetching thread's handle, only when a shard is remote: a local document is read faster
// than it is handed over.
Searcher::Helper* Searcher::fetcher() {
    const bool remote = std::any_of(parts_.begin(), parts_.end(), [](const Part& part) {
        return part.up && part.entry.kind != StubEntry::Kind::local;
    });
    return remote ? helper(fetcher_) : nullptr;
}

void Searcher::note_unavailable(SearchResponse& response) const {
    for (const UnavailableShard& shard : unavailable_) {
        response.unavailable_shards.push_back(shard.label);
        response.notices.push_back("shard unavailable, results are from the others: " + shard.label + ": " +
                                   shard.reason);
    }
}

SearchResponse Searcher::search(const SearchRequest& request) {
    const auto started = std::chrono::steady_clock::now();
    SearchResponse response = guarded([&] { return run(request); });
    note_unavailable(response);
    response.took_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return response;
}

Dossier Searcher::dossier(std::string_view name, std::size_t limit, Lang ui) {
    return guarded([&] { return run_dossier(name, limit, ui); });
}

Xapian::Query Searcher::build_query(const SearchRequest& request, ParsedQuery& parsed,
                                    SearchResponse& response) {
    parsed = builder_.parse(request.query, request.lang);
    response.query = parsed.text;
    response.truncated = parsed.truncated;
    response.offset = request.offset;

    std::vector<Xapian::Query> filters;
    auto add_filters = [&](const std::vector<std::string>& values, EntityKind kind, bool about) {
        for (const std::string& value : values) {
            if (kind == EntityKind::country && entities_.country_code(value).empty()) {
                response.notices.push_back("unknown country: " + value);
            }
            filters.push_back(entities_.filter(kind, value, about));
            parsed.filters.push_back({kind, value, about});
        }
    };
    add_filters(request.countries, EntityKind::country, false);
    add_filters(request.about, EntityKind::country, true);
    add_filters(request.persons, EntityKind::person, false);
    add_filters(request.organisations, EntityKind::organisation, false);
    if (request.lang != Lang::unknown) {
        filters.emplace_back(std::string(schema::kLanguage) + std::string(lang_code(request.lang)));
    }
    if (!request.since.empty() || !request.until.empty()) filters.push_back(date_range_query(request.since, request.until));
    for (const std::string& notice : parsed.notices) response.notices.push_back(notice);
    Xapian::Query query = parsed.query;
    if (query.empty()) {
        if (filters.empty()) return query;
        query = Xapian::Query::MatchAll;  // filters alone: every document that passes them
    }
    if (!filters.empty()) {
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
    }
    return query;
}

SearchResult Searcher::make_result(const Xapian::MSetIterator& it, const ParsedQuery& parsed,
                                   const SearchRequest& request, bool snippet, const std::string* stored) {
    Xapian::Document doc;
    if (!stored || request.explain) doc = it.get_document();
    DocData data = DocData::from_json(stored ? *stored : doc.get_data());
    SearchResult result;
    result.id = data.id;
    result.path = data.path;
    result.article = data.article;
    result.title = data.title.empty() ? std::filesystem::path(data.path).filename().string() : data.title;
    result.lang = data.lang;
    result.date = data.date;
    result.url = data.url;
    result.score = it.get_weight();
    result.countries = std::move(data.countries);
    result.about = data.about;
    for (const std::string& key : data.persons) result.persons.push_back(entities_.display(EntityKind::person, key));
    for (const std::string& key : data.organisations) {
        result.organisations.push_back(entities_.display(EntityKind::organisation, key));
    }
    if (!snippet) return result;
    const Lang lang = parse_lang(data.lang);
    if (!request.explain) {
        result.snippet = snippets_.make(data.text, lang, parsed.highlight);
    } else {
        result.snippet = snippets_.make(data.text, lang, parsed.highlight, parsed.explain, result.explain);
    }
    // Pages are separated by form feeds: the page of the first match (or of the snippet's start).
    if (data.paged && result.snippet.first_offset != std::string::npos) {
        const auto end = data.text.begin() + static_cast<std::ptrdiff_t>(std::min(result.snippet.first_offset, data.text.size()));
        result.page = 1 + static_cast<int>(std::count(data.text.begin(), end, '\f'));
    }
    if (!request.explain) return result;
    // Entity filters: the form this document writes the entity in.
    for (const EntityFilter& f : parsed.filters) {
        if (f.kind == EntityKind::country) continue;
        for (const EntityRef& ref : entities_.resolve(f.kind, f.value)) {
            const std::string prefix = entity_terms::forms_prefix(f.kind, ref.key);
            auto term = doc.termlist_begin();
            term.skip_to(prefix);
            if (term != doc.termlist_end() && (*term).compare(0, prefix.size(), prefix) == 0) {
                result.explain.push_back({f.value, (*term).substr(prefix.size()), "alias"});
                break;
            }
        }
    }
    return result;
}

SearchResponse Searcher::run(const SearchRequest& request) {
    SearchResponse response;
    ParsedQuery parsed;
    const Xapian::Query query = build_query(request, parsed, response);
    if (query.empty()) return response;

    // Exact totals and facet counts need every match visited; the ranked page does not. With a count
    // asked of it, Xapian's matcher weighs every match (BM25 reads each one's document length). Without
    // one it stops when no other document can reach the page. So the page comes from a ranked pass
    // that stops early, and the counts from a second pass with BoolWeight, which only walks the
    // posting lists and feeds the facet spy. The second pass runs on a second thread, over its own
    // handle on the same databases, while this one ranks; a query's time is then the longer of the
    // two passes, not their sum. It is skipped when the ranked pass knows its total by itself (a lone
    // term). See ARCHITECTURE.md, "Exact counts in a second pass".
    const bool lone_term = query.get_type() == Xapian::Query::LEAF_TERM;
    const bool count = request.facets || (request.exact_total && !lone_term);
    std::future<Counted> parallel;
    if (count) {
        if (Helper* helper = this->helper(counter_)) {
            try {
                parallel = std::async(std::launch::async, [helper, serialised = query.serialise(),
                                                           facets = request.facets, current = revision_] {
                    try {
                        helper->catch_up(current);
                        const Xapian::Query copy = Xapian::Query::unserialise(serialised, helper->registry);
                        return count_matches(helper->db, copy, facets);
                    } catch (...) {
                        helper->revision = Helper::kStale;
                        throw;
                    }
                });
            } catch (const std::system_error&) {
                // No thread to be had: count on this one.
            }
        }
    }
    const Xapian::Enquire ranked = make_enquire(db_, query, request.sort);
    const std::size_t limit = std::min(request.limit, limits::kMaxPageSize);
    const Xapian::MSet mset = ranked.get_mset(static_cast<Xapian::doccount>(request.offset),
                                              static_cast<Xapian::doccount>(limit), Xapian::doccount{0});
    response.total = mset.get_matches_estimated();
    response.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    std::optional<Counted> counted;
    if (parallel.valid()) {
        counted = parallel.get();
    } else if (request.facets || (request.exact_total && !response.total_exact)) {
        counted = count_matches(db_, query, request.facets);
    }
    if (counted) {
        response.total = counted->total;
        response.total_exact = true;
    }
    response.explained = request.explain;

    // Over remote shards the documents after the first come from a second thread while this one
    // fetches the first and makes the snippets; locally a document is read faster than handed over.
    Prefetch prefetch;
    std::future<void> fetching;
    Helper* helper = mset.size() > 1 && !request.explain ? fetcher() : nullptr;
    if (helper) {
        std::vector<Xapian::docid> ids;
        for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(*it);
        prefetch.data.resize(ids.size());
        try {
            fetching = std::async(std::launch::async, [helper, ids = std::move(ids), &prefetch, current = revision_] {
                try {
                    helper->catch_up(current);
                    for (std::size_t i = 1; i < ids.size(); ++i) {
                        std::string stored = helper->db.get_document(ids[i]).get_data();
                        std::lock_guard lock(prefetch.mutex);
                        prefetch.data[i] = std::move(stored);
                        prefetch.done = i + 1;
                        prefetch.ready.notify_one();
                    }
                } catch (...) {
                    helper->revision = Helper::kStale;
                    // A document another commit removed, a shard that stopped, no memory: the calling
                    // thread fetches what is missing, and meets the error itself if it persists. (It
                    // waits for `done`, so nothing may leave this thread before setting it.)
                }
                std::lock_guard lock(prefetch.mutex);
                prefetch.done = prefetch.data.size();
                prefetch.ready.notify_one();
            });
        } catch (const std::system_error&) {
            helper = nullptr;  // no thread to be had: fetch here
        }
    }
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const std::size_t i = it.get_rank() - mset.get_firstitem();
        std::optional<std::string> stored;
        if (helper && i > 0) {
            std::unique_lock lock(prefetch.mutex);
            prefetch.ready.wait(lock, [&] { return prefetch.done > i; });
            stored = std::move(prefetch.data[i]);
        }
        SearchResult result = make_result(it, parsed, request, true, stored ? &*stored : nullptr);
        result.rank = request.offset + i + 1;
        response.results.push_back(std::move(result));
    }
    if (counted && counted->spy) response.facets = collect_facets(*counted->spy, request.facet_limit, request.ui);
    if (response.total == 0 && !parsed.words.empty()) response.suggestion = suggest(parsed);
    return response;
}

std::size_t Searcher::for_each_match(const SearchRequest& request, bool snippets,
                                     const std::function<void(const SearchResult&)>& sink) {
    SearchRequest page = request;
    page.offset = 0;
    page.limit = limits::kMaxPageSize;
    std::size_t done = 0;
    // Pages of one Enquire over one revision: reopen only before the first page.
    SearchResponse response;
    ParsedQuery parsed;
    const Xapian::Query query = guarded([&] { return build_query(page, parsed, response); });
    if (query.empty()) return 0;
    Xapian::Enquire enquire = make_enquire(db_, query, page.sort);
    for (;;) {
        const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(done),
                                                   static_cast<Xapian::doccount>(page.limit));
        if (mset.empty()) break;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            SearchResult result = make_result(it, parsed, page, snippets);
            result.rank = ++done;
            sink(result);
        }
    }
    return done;
}

Facets Searcher::collect_facets(const FacetCodeSpy& spy, std::size_t limit, Lang ui,
                                const std::string& exclude_key) {
    using schema::FacetField;
    // Counts by field; the entity itself is left out of its own dossier's related entities.
    std::map<FacetField, std::vector<std::pair<std::uint64_t, std::size_t>>> by_field;
    const std::uint64_t exclude_person = entity_terms::facet_code(FacetField::person, exclude_key);
    const std::uint64_t exclude_org = entity_terms::facet_code(FacetField::organisation, exclude_key);
    for (const auto& [code, n] : spy.counts()) {
        if (!exclude_key.empty() && (code == exclude_person || code == exclude_org)) continue;
        by_field[entity_terms::code_field(code)].emplace_back(code, n);
    }
    // A code's key, from the catalog ("" when a killed run left it unrecorded: the value is left out).
    auto key_of = [&](std::uint64_t code) { return db_.get_metadata(entity_terms::facet_name_key(code)); };

    // The @p limit most frequent values of a field, ties in key order (the same on every layout of
    // the index). Only codes that can make the cut are turned back into keys.
    auto top = [&](FacetField field, std::size_t n_max) {
        std::vector<std::pair<std::string, std::size_t>> out;
        if (n_max == 0) return out;
        auto& counts = by_field[field];
        const auto more = [](const auto& a, const auto& b) { return a.second > b.second; };
        if (counts.size() > n_max) {
            std::nth_element(counts.begin(), counts.begin() + static_cast<std::ptrdiff_t>(n_max - 1), counts.end(), more);
            const std::size_t cut = counts[n_max - 1].second;
            std::erase_if(counts, [&](const auto& c) { return c.second < cut; });
        }
        for (const auto& [code, n] : counts) {
            if (std::string key = key_of(code); !key.empty()) out.emplace_back(std::move(key), n);
        }
        std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        if (out.size() > n_max) out.resize(n_max);
        return out;
    };

    Facets facets;
    for (auto& [code, n] : top(FacetField::lang, limit)) facets.lang.push_back({code, language_label(code, ui), n});
    // Years read best in time order, newest first, not by count; all of them.
    auto years = top(FacetField::year, by_field[FacetField::year].size());
    std::sort(years.begin(), years.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (auto& [year, n] : years) facets.year.push_back({year, year, n});
    for (EntityKind kind : kFacetKinds) {
        for (auto& [key, n] : top(entity_terms::facet_field(kind), limit)) {
            facet_of(facets, kind).push_back({key, entities_.display(kind, key, ui), n});
        }
    }
    // A person filter takes any spelling; the display name is what a reader (and a link) should use.
    for (FacetValue& v : facets.person) v.value = v.label;
    for (FacetValue& v : facets.organisation) v.value = v.label;
    return facets;
}

Dossier Searcher::run_dossier(std::string_view name, std::size_t limit, Lang ui) {
    Dossier dossier;
    std::vector<EntityRef> refs = entities_.resolve(EntityKind::person, name);
    for (EntityRef& r : entities_.resolve(EntityKind::organisation, name)) refs.push_back(std::move(r));
    std::stable_sort(refs.begin(), refs.end(),
                     [](const EntityRef& a, const EntityRef& b) { return a.documents > b.documents; });
    if (refs.empty()) return dossier;
    const EntityRef chosen = refs.front();
    dossier.found = true;
    dossier.kind = chosen.kind;
    dossier.key = chosen.key;
    dossier.name = entities_.display(chosen.kind, chosen.key, ui);
    for (std::size_t i = 1; i < refs.size(); ++i) {
        // value: the name, label: its kind.
        dossier.candidates.push_back({entities_.display(refs[i].kind, refs[i].key, ui),
                                      std::string(kind_name(refs[i].kind)), refs[i].documents});
    }
    for (const auto& [form, n] : entities_.aliases(chosen.kind, chosen.key)) dossier.aliases.push_back(form);

    const std::string key_term = entity_terms::key_term(chosen.kind, chosen.key);
    Xapian::Enquire enquire(db_);
    enquire.set_query(Xapian::Query(key_term));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);  // newest first; undated last
    FacetCodeSpy spy(schema::kSlotFacets);
    enquire.add_matchspy(&spy);
    const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(std::min(limit, limits::kMaxPageSize)),
                                               db_.get_doccount());
    dossier.total = mset.get_matches_estimated();
    dossier.related = collect_facets(spy, 10, ui, chosen.key);
    dossier.related.lang.clear();

    const std::string form_prefix = entity_terms::forms_prefix(chosen.kind, chosen.key);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const Xapian::Document doc = it.get_document();
        const DocData data = DocData::from_json(doc.get_data());
        Dossier::Document d;
        d.id = data.id;
        d.path = data.path;
        d.article = data.article;
        d.title = data.title.empty() ? std::filesystem::path(data.path).filename().string() : data.title;
        d.date = data.date;
        // The first mention, in any of the forms this document writes the entity in.
        std::size_t at = std::string::npos, length = 0;
        auto term = doc.termlist_begin();
        term.skip_to(form_prefix);
        for (; term != doc.termlist_end() && (*term).compare(0, form_prefix.size(), form_prefix) == 0; ++term) {
            const std::string form = (*term).substr(form_prefix.size());
            const std::size_t found = data.text.find(form);
            if (found < at) {
                at = found;
                length = form.size();
            }
        }
        d.snippet = sentence_snippet(data.text, at, length, parse_lang(data.lang));
        dossier.documents.push_back(std::move(d));
    }
    return dossier;
}

std::optional<std::string> Searcher::suggest(const ParsedQuery& parsed) {
    std::string corrected;
    std::size_t cursor = 0;
    bool changed = false;
    for (const QueryWord& word : parsed.words) {
        std::string suggestion = db_.get_spelling_suggestion(word.spelling, kSpellingEditDistance);
        corrected.append(parsed.text, cursor, word.start - cursor);
        if (!suggestion.empty() && suggestion != word.spelling) {
            corrected += suggestion;
            changed = true;
        } else {
            corrected.append(parsed.text, word.start, word.end - word.start);
        }
        cursor = word.end;
    }
    if (!changed) return std::nullopt;
    corrected.append(parsed.text, cursor, std::string::npos);
    return corrected;
}

}  // namespace agora
