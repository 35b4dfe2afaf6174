package org.genericpool.impl.expiry;

import java.util.Arrays;

/**
 * An indexed binary min-heap of {@link Node}s ordered by {@link Node#scheduledAt()}: insert,
 * remove and reschedule in O(log n), peek in O(1), without allocation once grown.
 *
 * <p>The pool keeps one node per endpoint, not per connection: an endpoint's node is due no
 * later than the earliest deadline among its idle connections. Nodes may be due early (a
 * connection that set the time was acquired since); whoever pops an early node recomputes the
 * real time and reschedules it. This keeps a release from touching the heap unless it makes an
 * endpoint due earlier than it already is.
 *
 * <p>Not thread-safe: the owner guards it with one lock.
 *
 * @param <N> the node type
 */
public final class ExpiryHeap<N extends ExpiryHeap.Node> {

    /** An element of the heap; its fields belong to the heap's owner's lock. */
    public abstract static class Node {
        int heapIndex = -1;
        long scheduledAt;

        /** @return whether the node is in a heap */
        public final boolean isScheduled() {
            return heapIndex >= 0;
        }

        /** @return the {@link System#nanoTime()} at which the node is due; meaningless when not scheduled */
        public final long scheduledAt() {
            return scheduledAt;
        }
    }

    private Node[] heap = new Node[16];
    private int size;

    /** @return the number of scheduled nodes */
    public int size() {
        return size;
    }

    /** @return whether no node is scheduled */
    public boolean isEmpty() {
        return size == 0;
    }

    /** @return the node due first, or null */
    @SuppressWarnings("unchecked")
    public N peek() {
        return size == 0 ? null : (N) heap[0];
    }

    /**
     * @return the earliest due time among the nodes other than the first ({@link #peek()}), or
     *         {@link Long#MAX_VALUE} if there are none
     */
    public long secondScheduledAt() {
        if (size < 2) {
            return Long.MAX_VALUE;
        }
        long left = heap[1].scheduledAt;
        return size > 2 && heap[2].scheduledAt - left < 0 ? heap[2].scheduledAt : left;
    }

    /**
     * Makes {@code node} due no later than {@code time}: inserts it, or moves it earlier.
     *
     * @return whether the node's time changed
     */
    public boolean scheduleNoLaterThan(N node, long time) {
        if (!node.isScheduled()) {
            insert(node, time);
            return true;
        }
        if (time - node.scheduledAt < 0) {
            node.scheduledAt = time;
            siftUp(node.heapIndex);
            return true;
        }
        return false;
    }

    /** Sets {@code node}'s due time to exactly {@code time}, inserting it if needed. */
    public void reschedule(N node, long time) {
        if (!node.isScheduled()) {
            insert(node, time);
            return;
        }
        long old = node.scheduledAt;
        node.scheduledAt = time;
        if (time - old < 0) {
            siftUp(node.heapIndex);
        } else {
            siftDown(node.heapIndex);
        }
    }

    /** Removes {@code node} if it is scheduled. */
    public void remove(N node) {
        int i = node.heapIndex;
        if (i < 0) {
            return;
        }
        node.heapIndex = -1;
        Node last = heap[--size];
        heap[size] = null;
        if (i < size) {
            heap[i] = last;
            last.heapIndex = i;
            siftDown(i);
            siftUp(last.heapIndex);
        }
    }

    /** Removes every node. */
    public void clear() {
        for (int i = 0; i < size; i++) {
            heap[i].heapIndex = -1;
            heap[i] = null;
        }
        size = 0;
    }

    /** @return a copy of the scheduled nodes, in no particular order */
    @SuppressWarnings("unchecked")
    public N[] snapshot(N[] type) {
        return (N[]) Arrays.copyOf(heap, size, type.getClass());
    }

    private void insert(Node node, long time) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        node.scheduledAt = time;
        node.heapIndex = size;
        heap[size++] = node;
        siftUp(node.heapIndex);
    }

    private void siftUp(int i) {
        Node node = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Node p = heap[parent];
            if (node.scheduledAt - p.scheduledAt >= 0) {
                break;
            }
            heap[i] = p;
            p.heapIndex = i;
            i = parent;
        }
        heap[i] = node;
        node.heapIndex = i;
    }

    private void siftDown(int i) {
        Node node = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && heap[right].scheduledAt - heap[child].scheduledAt < 0) {
                child = right;
            }
            Node c = heap[child];
            if (node.scheduledAt - c.scheduledAt <= 0) {
                break;
            }
            heap[i] = c;
            c.heapIndex = i;
            i = child;
        }
        heap[i] = node;
        node.heapIndex = i;
    }
}
