/**
 * CDS Hooks 2.0 shapes (https://cds-hooks.hl7.org/2.0/), as zod schemas: what Locus accepts from a
 * CDS client and what it answers.
 */
import { z } from "zod";

export const fhirAuthorization = z.object({
  access_token: z.string(),
  token_type: z.string(),
  expires_in: z.number().optional(),
  scope: z.string(),
  subject: z.string(),
  patient: z.string().optional(),
});

export const patientViewContext = z
  .object({
    userId: z.string().min(1),
    patientId: z.string().min(1),
    encounterId: z.string().optional(),
  })
  .passthrough();

export const hookRequest = z.object({
  hook: z.string().min(1),
  hookInstance: z.string().min(1).max(200),
  fhirServer: z.string().url().optional(),
  fhirAuthorization: fhirAuthorization.optional(),
  context: patientViewContext,
  prefetch: z.record(z.string(), z.unknown().nullable()).optional(),
});
export type HookRequest = z.infer<typeof hookRequest>;

export const link = z.object({
  label: z.string(),
  url: z.string(),
  type: z.enum(["absolute", "smart"]),
  appContext: z.string().optional(),
});

export const card = z.object({
  uuid: z.string().optional(),
  summary: z.string().max(140),
  detail: z.string().optional(),
  indicator: z.enum(["info", "warning", "critical"]),
  source: z.object({ label: z.string(), url: z.string().optional(), topic: z.unknown().optional() }),
  links: z.array(link).optional(),
  selectionBehavior: z.string().optional(),
});
export type Card = z.infer<typeof card>;

export const cardsResponse = z.object({ cards: z.array(card) });

export const serviceDescription = z.object({
  hook: z.string(),
  id: z.string(),
  title: z.string().optional(),
  description: z.string(),
  prefetch: z.record(z.string(), z.string()).optional(),
  usageRequirements: z.string().optional(),
});

export const discovery = z.object({ services: z.array(serviceDescription) });
