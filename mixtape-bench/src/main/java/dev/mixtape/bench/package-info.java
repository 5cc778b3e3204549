package dev.mixtape.bench;
