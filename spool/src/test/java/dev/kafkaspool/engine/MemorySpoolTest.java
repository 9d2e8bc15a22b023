package dev.kafkaspool.engine;

class MemorySpoolTest extends SpoolContractTest {
    @Override
    protected Spool open() {
        return new MemorySpool("test");
    }
}
