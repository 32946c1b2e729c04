package dev.osprey.launchers.resources;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link DevicePool} whose waiting requests are served in arrival order. A lock rather than
 * {@code synchronized}, so that jobs waiting on virtual threads do not pin their carriers.
 */
final class FifoDevicePool implements DevicePool {

    private final List<String> devices;
    /** The devices held now, by index. */
    private final BitSet held = new BitSet();
    /** Waiting requests, in arrival order; only the head may take devices. */
    private final Deque<Object> queue = new ArrayDeque<>();
    /** Which indices each live lease holds. */
    private final Map<Lease, int[]> leases = new IdentityHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    FifoDevicePool(List<String> devices) {
        Set<String> seen = new HashSet<>();
        for (String device : devices) {
            if (device == null || device.isBlank()) {
                throw new IllegalArgumentException("a device pool's devices must be named, got " + devices);
            }
            if (!seen.add(device.strip())) {
                throw new IllegalArgumentException("device '" + device + "' is in the pool twice: " + devices);
            }
        }
        this.devices = devices.stream().map(String::strip).toList();
    }

    @Override
    public List<String> devices() {
        return devices;
    }

    @Override
    public Lease acquire(int count) throws InterruptedException {
        if (count < 0) {
            throw new IllegalArgumentException("a job asks for at least 0 devices, got " + count);
        }
        if (count > devices.size()) {
            throw new IllegalArgumentException("the job asks for " + count + " device(s), but the pool has "
                    + devices.size() + " " + devices);
        }
        if (count == 0) {
            return new Lease(List.of());
        }
        Object ticket = new Object();
        lock.lock();
        try {
            queue.addLast(ticket);
            try {
                while (queue.peekFirst() != ticket || devices.size() - held.cardinality() < count) {
                    changed.await();
                }
            } catch (InterruptedException e) {
                queue.remove(ticket);
                changed.signalAll();
                throw e;
            }
            queue.removeFirst();
            int[] taken = new int[count];
            List<String> names = new ArrayList<>(count);
            int index = -1;
            for (int i = 0; i < count; i++) {
                index = held.nextClearBit(index + 1);
                held.set(index);
                taken[i] = index;
                names.add(devices.get(index));
            }
            Lease lease = new Lease(names);
            leases.put(lease, taken);
            changed.signalAll(); // the next in line may fit too
            return lease;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void release(Lease lease) {
        lock.lock();
        try {
            int[] taken = leases.remove(lease);
            if (taken == null) {
                return;
            }
            for (int index : taken) {
                held.clear(index);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int free() {
        lock.lock();
        try {
            return devices.size() - held.cardinality();
        } finally {
            lock.unlock();
        }
    }
}
