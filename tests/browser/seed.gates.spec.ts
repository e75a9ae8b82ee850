import { siteGates } from "./gates.ts";

siteGates();
