package org.genericpool.impl.engine;

/**
 * The FIFO queue of an endpoint's waiters: intrusive, O(1) add, poll and removal of a
 * withdrawing waiter. Guarded by the endpoint's lock.
 */
final class WaiterQueue<E, C> {
    private Waiter<E, C> head;
    private Waiter<E, C> tail;
    private int size;

    boolean isEmpty() {
        return head == null;
    }

    int size() {
        return size;
    }

    void addLast(Waiter<E, C> w) {
        w.prev = tail;
        w.next = null;
        if (tail == null) {
            head = w;
        } else {
            tail.next = w;
        }
        tail = w;
        w.queued = true;
        size++;
    }

    void addFirst(Waiter<E, C> w) {
        w.next = head;
        w.prev = null;
        if (head == null) {
            tail = w;
        } else {
            head.prev = w;
        }
        head = w;
        w.queued = true;
        size++;
    }

    Waiter<E, C> poll() {
        Waiter<E, C> w = head;
        if (w != null) {
            remove(w);
        }
        return w;
    }

    void remove(Waiter<E, C> w) {
        if (!w.queued) {
            return;
        }
        if (w.prev == null) {
            head = w.next;
        } else {
            w.prev.next = w.next;
        }
        if (w.next == null) {
            tail = w.prev;
        } else {
            w.next.prev = w.prev;
        }
        w.prev = null;
        w.next = null;
        w.queued = false;
        size--;
    }
}
