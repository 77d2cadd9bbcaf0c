package io.coffer.core.storage;

class InMemoryStorageTest extends StorageBackendContract {

    @Override
    protected StorageBackend newBackend() {
        return new InMemoryStorage();
    }
}
