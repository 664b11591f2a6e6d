import { describe, expect, it } from 'vitest';
import { imagePinning } from './composeImage.js';

describe('imagePinning', () => {
  it.each([
    ['nginx', 'untagged'],
    ['docker.io/library/nginx', 'untagged'],
    ['localhost:5000/app', 'untagged'],
    ['nginx:latest', 'latest'],
    ['node:20', 'major-only'],
    ['node:20-alpine', 'major-only'],
    ['node:lts', 'floating'],
    ['node:20.11.1-alpine', 'version'],
    ['localhost:5000/app:1.4.2', 'version'],
    [`nginx@sha256:${'0'.repeat(64)}`, 'digest'],
    ['app:${TAG}', 'unresolved'],
    ['${REGISTRY}/app', 'untagged'],
  ])('reads %s as %s', (reference, kind) => {
    expect(imagePinning(reference).kind).toBe(kind);
  });
});
