package org.genericpool.impl.engine;

/**
 * An intrusive doubly linked list of idle entries: O(1) add at the tail, take at either end and
 * removal of any entry, with no allocation. Core connections are taken from the head (FIFO, so
 * they are used round robin), extra ones from the tail (LIFO, so the least recently used ones
 * age out). Guarded by the endpoint's lock.
 */
final class IdleList<E, C> {
    private Entry<E, C> head;
    private Entry<E, C> tail;
    private int size;

    int size() {
        return size;
    }

    Entry<E, C> head() {
        return head;
    }

    void addLast(Entry<E, C> e) {
        e.prev = tail;
        e.next = null;
        if (tail == null) {
            head = e;
        } else {
            tail.next = e;
        }
        tail = e;
        size++;
    }

    Entry<E, C> pollFirst() {
        Entry<E, C> e = head;
        if (e != null) {
            remove(e);
        }
        return e;
    }

    Entry<E, C> pollLast() {
        Entry<E, C> e = tail;
        if (e != null) {
            remove(e);
        }
        return e;
    }

    void remove(Entry<E, C> e) {
        if (e.prev == null) {
            head = e.next;
        } else {
            e.prev.next = e.next;
        }
        if (e.next == null) {
            tail = e.prev;
        } else {
            e.next.prev = e.prev;
        }
        e.prev = null;
        e.next = null;
        size--;
    }
}
