package io.coffer.core.engine.kv;

import io.coffer.core.barrier.SecureStorage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The keys under a storage prefix in the byte order of their whole names, forwards or backwards,
 * resumable from any name: a depth-first walk of the folders whose position is a stack of
 * per-folder bounds. It reads names only (never a record) and a folder a page at a time, so
 * resuming at the 20,000th key costs one seek per folder level, not a walk over the keys before it.
 *
 * <p>Why depth-first order is name order: a folder's entries are sorted with folders as
 * {@code name/}, and every key under {@code name/} starts with {@code name/}, so the whole folder
 * sorts exactly where its entry does ({@code b-} before {@code b/...} before {@code b0}).
 *
 * <p>Not thread-safe; a snapshot of nothing: keys added or removed while walking may or may not
 * be seen, but no key is seen twice and none that exists throughout is missed.
 */
final class KeyOrderWalk implements Iterator<String> {

    /** Names read per storage call. */
    private static final int CHUNK = 128;

    private final SecureStorage storage;
    private final String root;
    private final boolean descending;
    private final Deque<Level> stack = new ArrayDeque<>();
    private String next;

    /**
     * @param root       the storage prefix the keys live under, ending with {@code /}
     * @param cursor     the walk starts strictly after this key (before it when descending); empty
     *                   for the first (last) key
     */
    KeyOrderWalk(SecureStorage storage, String root, String cursor, boolean descending) {
        this.storage = storage;
        this.root = root;
        this.descending = descending;
        if (cursor.isEmpty()) {
            stack.push(new Level("", ""));
            return;
        }
        // One level per segment of the cursor: a folder on the cursor's path resumes past its
        // whole sub-folder (which the deeper levels cover); the last level resumes past the key.
        String[] segments = cursor.split("/", -1);
        StringBuilder folder = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            stack.push(new Level(folder.toString(), last ? segments[i] : segments[i] + "/"));
            folder.append(segments[i]).append('/');
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String key = next;
        next = null;
        return key;
    }

    private String advance() {
        while (!stack.isEmpty()) {
            Level top = stack.peek();
            String entry = top.poll();
            if (entry == null) {
                stack.pop();
            } else if (entry.endsWith("/")) {
                stack.push(new Level(top.folder + entry, ""));
            } else {
                return top.folder + entry;
            }
        }
        return null;
    }

    /** One folder being walked: the entries read ahead and where the next storage page starts. */
    private final class Level {
        final String folder;
        private String bound;
        private final ArrayDeque<String> buffered = new ArrayDeque<>();
        private boolean exhausted;

        Level(String folder, String bound) {
            this.folder = folder;
            this.bound = bound;
        }

        String poll() {
            if (buffered.isEmpty() && !exhausted) {
                String prefix = root + folder;
                List<String> page = descending ? storage.listPageBefore(prefix, bound, CHUNK)
                        : storage.listPage(prefix, bound, CHUNK);
                exhausted = page.size() < CHUNK;
                if (!page.isEmpty()) {
                    bound = page.get(page.size() - 1);
                }
                buffered.addAll(page);
            }
            return buffered.poll();
        }
    }
}
