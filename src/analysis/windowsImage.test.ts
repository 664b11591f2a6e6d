import { describe, expect, it } from 'vitest';
import { parseDockerfile, parseImageReference } from '../parse/dockerfile.js';
import { isNanoServer, isWindowsImage, isWindowsImageReference } from './windowsImage.js';

describe('Windows image recognition', () => {
  it.each([
    ['mcr.microsoft.com/windows/servercore:ltsc2022', true],
    ['mcr.microsoft.com/windows/nanoserver:ltsc2022', true],
    ['mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022', true],
    ['python:3.12.1-windowsservercore-ltsc2022', true],
    ['golang:1.22.1-nanoserver', true],
    ['mcr.microsoft.com/dotnet/aspnet:8.0-bookworm-slim', false],
    ['node:20.11.1-alpine3.19', false],
    ['debian:bookworm-slim', false],
  ])('%s is Windows: %s', (reference, expected) => {
    expect(isWindowsImageReference(parseImageReference(reference))).toBe(expected);
  });

  it('recognises a PowerShell SHELL on an unknown base', () => {
    expect(isWindowsImage(parseDockerfile('FROM registry.example/base:1.0.0\nSHELL ["powershell", "-Command"]\nRUN Write-Host hi\n'))).toBe(true);
    expect(isWindowsImage(parseDockerfile('FROM registry.example/base:1.0.0\nSHELL ["/bin/bash", "-c"]\n'))).toBe(false);
  });

  it('tells Nano Server from Server Core', () => {
    expect(isNanoServer(parseImageReference('mcr.microsoft.com/windows/nanoserver:ltsc2022'))).toBe(true);
    expect(isNanoServer(parseImageReference('mcr.microsoft.com/windows/servercore:ltsc2022'))).toBe(false);
  });
});
