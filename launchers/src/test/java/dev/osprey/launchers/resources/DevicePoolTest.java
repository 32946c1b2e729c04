package dev.osprey.launchers.resources;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevicePoolTest {

    @Test
    void leasesNeverShareADeviceAndComeBack() throws InterruptedException {
        DevicePool pool = DevicePool.of(List.of("0", "1", "2", "3"));
        DevicePool.Lease a = pool.acquire(3);
        DevicePool.Lease b = pool.acquire(1);
        Set<String> all = new HashSet<>(a.devices());
        all.addAll(b.devices());
        assertEquals(Set.of("0", "1", "2", "3"), all);
        assertEquals(0, pool.free());
        pool.release(a);
        pool.release(a); // twice changes nothing
        assertEquals(3, pool.free());
        assertEquals("0,1,2", pool.acquire(3).joined());
    }

    @Test
    void aRequestWaitsForFreeDevicesAndBigRequestsAreNotOvertaken() throws Exception {
        DevicePool pool = DevicePool.of(List.of("0", "1"));
        DevicePool.Lease first = pool.acquire(1);
        List<String> order = new ArrayList<>();
        CountDownLatch bigWaits = new CountDownLatch(1);
        Thread big = Thread.ofVirtual().start(() -> {
            try {
                bigWaits.countDown();
                DevicePool.Lease l = pool.acquire(2);
                synchronized (order) {
                    order.add("big");
                }
                pool.release(l);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        bigWaits.await();
        while (big.getState() != Thread.State.WAITING) {
            Thread.onSpinWait(); // the big request is queued before the small one
        }
        Thread small = Thread.ofVirtual().start(() -> {
            try {
                DevicePool.Lease l = pool.acquire(1);
                synchronized (order) {
                    order.add("small");
                }
                pool.release(l);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        while (small.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        assertEquals(List.of(), order, "one device is free, but the big request came first and needs two");
        pool.release(first);
        big.join();
        small.join();
        assertEquals(List.of("big", "small"), order);
    }

    @Test
    void anInterruptedWaitTakesNothing() throws Exception {
        DevicePool pool = DevicePool.of(List.of("0"));
        DevicePool.Lease held = pool.acquire(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                pool.acquire(1);
            } catch (InterruptedException e) {
                thrown.set(e);
            }
        });
        while (waiter.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        waiter.interrupt();
        waiter.join();
        assertTrue(thrown.get() instanceof InterruptedException);
        pool.release(held);
        assertEquals(1, pool.free());
        assertEquals(List.of("0"), pool.acquire(1).devices());
    }

    @Test
    void tooBigARequestAndBadPoolsAreRefused() {
        DevicePool pool = DevicePool.of(List.of("0", "1"));
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class, () -> pool.acquire(3));
        assertTrue(big.getMessage().contains("asks for 3 device(s), but the pool has 2"), big.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> DevicePool.of(List.of("0", "0")));
        assertTrue(twice.getMessage().contains("device '0' is in the pool twice"), twice.getMessage());
    }

    @Test
    void nvidiaSmiListingsGiveTheIndices() {
        assertEquals(List.of("0", "1"), GpuDiscovery.parse("GPU 0: NVIDIA A100-SXM4-40GB (UUID: GPU-1)\n"
                + "GPU 1: NVIDIA A100-SXM4-40GB (UUID: GPU-2)\n"));
        assertEquals(List.of(), GpuDiscovery.parse("No devices were found\n"));
    }
}
