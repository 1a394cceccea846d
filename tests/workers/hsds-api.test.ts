import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { request } from './support/http';

// The read-only HSDS API inside workerd over D1: an organization and a service with more places
// than D1 binds parameters in one statement (100), as an HSDS import of a network can make.

describe('the HSDS API on Workers with D1', () => {
  it('serves an organization and a service at 120 places, each place nested once', async () => {
    const places = Array.from(
      { length: 120 },
      (_, i) => `wide-place-${String(i).padStart(3, '0')}`,
    );
    await env.DB.batch([
      env.DB.prepare("insert into organizations (id, name) values ('wide-org', 'Wide network')"),
      env.DB.prepare(
        "insert into services (id, organization_id, name, slug, status) values ('wide-service', 'wide-org', 'Wide help', 'wide-help', 'active')",
      ),
      ...places.flatMap((id, i) => [
        env.DB.prepare(
          "insert into locations (id, organization_id, name) values (?, 'wide-org', ?)",
        ).bind(id, `Place ${i}`),
        env.DB.prepare(
          "insert into phones (id, location_id, number) values (?, ?, '555-0100')",
        ).bind(`${id}-phone`, id),
        env.DB.prepare(
          "insert into service_at_location (id, service_id, location_id) values (?, 'wide-service', ?)",
        ).bind(`${id}-sal`, id),
      ]),
    ]);

    const organization = await request('/api/hsds/organizations/wide-org');
    expect(organization.status).toBe(200);
    const { locations } = (await organization.json()) as {
      locations: { id: string; phones: unknown[] }[];
    };
    expect(locations.map((l) => l.id).sort()).toEqual(places);
    expect(locations.every((l) => l.phones.length === 1)).toBe(true);

    const service = await request('/api/hsds/services/wide-service');
    expect(service.status).toBe(200);
    const { service_at_locations } = (await service.json()) as {
      service_at_locations: { location?: { id: string } }[];
    };
    expect(service_at_locations.map((link) => link.location?.id).sort()).toEqual(places);
  });
});
