package dev.kafkaspool.engine.spool;

class MemorySpoolTest extends SpoolContractTest {
    @Override
    protected Spool open() {
        return new MemorySpool("test");
    }
}
