package dev.mixtape.eval.data;

/**
 * Last.fm HetRec 2011 (2k users) as read by {@link LastFmReader}: the user–artist play counts, the
 * artists' names and tag sets aligned with the interactions' item index, and the tag names.
 *
 * @param interactions {@code user_artists}: one row per (user, artist) with the play count as weight
 * @param artistNames  name per item index, null where {@code artists.dat} has none
 * @param tags         distinct tags users gave each artist ({@code user_taggedartists}), by item index
 * @param tagIds       tag id table (index = tag index used in {@code tags})
 * @param tagNames     tag name per tag index, null where {@code tags.dat} has none
 * @param problems     malformed lines of every file read
 */
public record LastFmDataset(InteractionData interactions, String[] artistNames, ItemTags tags, IdIndex tagIds,
                            String[] tagNames, ReadProblems problems) {}
